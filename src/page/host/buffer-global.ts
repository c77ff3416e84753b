/** Node's Buffer, which the library's readers hand bytes in, as the well-kept `buffer` package gives it to a browser. */
export { Buffer } from 'buffer/'; // the package, not Node's module of that name
