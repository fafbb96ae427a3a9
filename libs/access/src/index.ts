export * from './lib/roles';
export * from './lib/permissions';
export * from './lib/reach';
export * from './lib/denials';
export * from './lib/result-visibility';
export * from './lib/national-scope';
export * from './lib/password-rules';
export * from './lib/follow-ups-to-answer';
