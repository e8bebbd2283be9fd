export { trimLeft } from './trim.js';
