// The one DOM global the simulate tests touch (jsdom provides it at run time). Declared here instead
// of loading the DOM lib, whose fetch/Blob types clash with Node's in the server code these tests import.
declare const document: { createElement(tag: string): unknown };
