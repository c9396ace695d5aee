// The app module's public surface: other modules import only what is exported here.
export { createApp } from './create-app';
