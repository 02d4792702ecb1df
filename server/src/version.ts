// The product's version, from package.json (the bundler inlines the one field).
import { version } from '../../package.json';

export const VERSION: string = version;
