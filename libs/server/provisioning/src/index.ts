export * from './lib/divisions';
export * from './lib/nation-provisioner';
export * from './lib/province-provisioner';
export * from './lib/provisioning.module';
export * from './lib/tree-provisioner';
