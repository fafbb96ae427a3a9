export * from './lib/divisions';
export * from './lib/province-provisioner';
export * from './lib/provisioning.module';
