export { trimRight } from './trim.js';
