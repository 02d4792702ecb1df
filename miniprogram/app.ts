// The demo app holds no state of its own: each page shows one way to use the kit.
App({});
