import v8 from "node:v8"; v8.setFlagsFromString("--semi-space-growth-factor=1");
const { main } = await import('./dist/bundle/cli.js');
const m0=process.memoryUsage();
await main(['inventory'], {stdout(){}, stderr(){}, onSignal(){return()=>{}}});
const m=process.memoryUsage();
console.log(JSON.stringify({m0,m, max: process.resourceUsage().maxRSS}));
