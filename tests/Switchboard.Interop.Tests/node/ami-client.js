// Drives the npm "asterisk-ami-client" against a Switchboard AMI port.
// Usage: node ami-client.js <port> <user> <secret> <ok|wrong>
'use strict';
const AmiClient = require('asterisk-ami-client');
const [port, user, secret, mode] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const fail = (why) => { out({ step: 'fail', why: String(why) }); process.exit(2); };
setTimeout(() => fail('timeout'), 20000).unref();

const client = new AmiClient({ reconnect: false, keepAlive: false });
client.on('event', (e) => {
  if (e.Event === 'InvalidAccountID' || e.Event === 'InvalidPassword') {
    out({ step: 'security', event: e });
    client.action({ Action: 'Command', Command: 'pjsip show endpoints' }, true).then((res) => {
      out({ step: 'command', res });
      return client.action({ Action: 'Ping' }, true);
    }).then((pong) => { out({ step: 'ping', res: pong }); client.disconnect(); process.exit(0); })
      .catch((err) => fail('action: ' + err));
  }
});
client.connect(user, secret, { host: '127.0.0.1', port: Number(port) })
  .then(() => {
    if (mode === 'wrong') fail('wrong secret accepted');
    out({ step: 'ready' });
  })
  .catch((err) => {
    if (mode === 'wrong') { out({ step: 'refused', err: String(err) }); process.exit(0); }
    fail('connect: ' + err);
  });
