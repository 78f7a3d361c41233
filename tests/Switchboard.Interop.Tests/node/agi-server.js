// Runs the npm "ding-dong" FastAGI server for one call from Switchboard.
// Usage: node agi-server.js <port>
// Prints one JSON object per line: {"step":"ready"} when listening, then what the script saw, then {"step":"done"}.
// The script reads agi_* variables and FOO, then sets AGI_SEEN and AGI_CAUSE and writes AstDB agitest/script.
'use strict';
const AGIServer = require('ding-dong');
const port = Number(process.argv[2]);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const fail = (why) => { out({ step: 'fail', why: String(why && why.stack || why) }); process.exit(2); };
setTimeout(() => fail('timeout'), 60000).unref();

const handler = (context) => {
  context.on('error', fail);
  context.onEvent('variables')
    .then(async (vars) => {
      out({ step: 'variables', vars });
      const foo = await context.getVariable('FOO');
      out({ step: 'foo', foo });
      const status = await context.channelStatus('');
      out({ step: 'status', status });
      await context.verbose('ding-dong says hello', 1);
      await context.setVariable('AGI_SEEN', vars.agi_callerid + '/' + foo.value + '/' + vars.agi_arg_1);
      await context.setVariable('AGI_CAUSE', '17');
      await context.databasePut('agitest', 'script', vars.agi_network_script);
      await context.end();
      out({ step: 'done' });
      setTimeout(() => process.exit(0), 100);
    })
    .catch(fail);
};

const server = new AGIServer(handler).start(port, '127.0.0.1');
server.on('listening', () => out({ step: 'ready' }));
server.on('error', fail);
