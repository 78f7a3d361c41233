// Drives the npm "asterisk-manager" client against a Switchboard AMI port.
// Usage: node ami-manager.js <port> <user> <secret> <plain|md5|wrong>
// Prints one JSON object per line: {"step":...}. Prints READY after login, then waits for a security event.
'use strict';
const AsteriskManager = require('asterisk-manager');
const [port, user, secret, mode] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const fail = (why) => { out({ step: 'fail', why: String(why) }); process.exit(2); };
setTimeout(() => fail('timeout'), 20000).unref();

const ami = new AsteriskManager(null, null, null, null, true);
ami.options.username = user;
ami.options.password = secret;
ami.on('managerevent', (e) => {
  if (e.event === 'InvalidAccountID' || e.event === 'InvalidPassword' || e.event === 'ChallengeResponseFailed') {
    out({ step: 'security', event: e });
    runActions();
  }
});

let ran = false;
function runActions() {
  if (ran) return; ran = true;
  ami.action({ action: 'command', command: 'pjsip show endpoints' }, (err, res) => {
    if (err) fail('command: ' + JSON.stringify(err));
    out({ step: 'command', res });
    const contacts = [];
    ami.on('contactlist', (e) => contacts.push(e));
    ami.on('contactlistcomplete', (e) => { out({ step: 'contacts', contacts, complete: e }); ami.disconnect(); process.exit(0); });
    ami.action({ action: 'PJSIPShowContacts' }, (err2, res2) => { if (err2) fail('contacts: ' + JSON.stringify(err2)); out({ step: 'contacts-response', res: res2 }); });
  });
}

ami.connect(port, '127.0.0.1', () => {
  if (mode === 'md5') {
    // asterisk-manager queues every action but "login" until it has logged in itself, and has no MD5 login of its
    // own; so the Challenge goes out under a lower-case "action: login" key whose header sorts after "Action: Challenge".
    ami.action({ action: 'login', Action: 'Challenge', authtype: 'md5' }, (err, res) => {
      if (err || !res.challenge) fail('challenge: ' + JSON.stringify(err || res));
      const key = require('crypto').createHash('md5').update(res.challenge + secret).digest('hex');
      ami.action({ action: 'login', authtype: 'md5', username: user, key, events: 'on' }, (err2, res2) => {
        if (err2) fail('md5 login: ' + JSON.stringify(err2));
        out({ step: 'login', res: res2 });
        // The library marks itself logged in only through login(): that plain Login gets "Already authenticated".
        ami.login((err3) => { if (err3) fail('relogin'); out({ step: 'ready' }); });
      });
    });
  } else {
    ami.login((err) => {
      if (err) { out({ step: 'refused', err }); process.exit(mode === 'wrong' ? 0 : 2); }
      if (mode === 'wrong') fail('wrong secret accepted');
      out({ step: 'ready' });
    });
  }
});
