// A real SMTP server on loopback for the tests (npm smtp-server): every message it accepts is written whole, as an .eml
// file, to the folder given, for the tests to read. Recipients starting "refused" get 550 (refused for good), "busy" get
// 451 (try later), so the tests can see how the app handles a server that refuses. Usage: node smtp-sink.mjs PORT FOLDER
import { SMTPServer } from 'smtp-server';
import fs from 'node:fs';
import path from 'node:path';

const [port, folder] = process.argv.slice(2);
let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  banner: 'Attest test sink',
  logger: false,
  onRcptTo(address, session, callback) {
    const to = address.address.toLowerCase();
    const refuse = (code, text) => Object.assign(new Error(text), { responseCode: code });
    if (to.startsWith('refused')) return callback(refuse(550, '5.1.1 No such mailbox here'));
    if (to.startsWith('busy')) return callback(refuse(451, '4.3.0 Mailbox busy, try again later'));
    return callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const name = `${Date.now()}-${process.pid}-${++count}.eml`;
      const partial = path.join(folder, name + '.partial');
      fs.writeFileSync(partial, Buffer.concat(chunks));
      fs.renameSync(partial, path.join(folder, name));
      callback();
    });
  },
});
server.on('error', (error) => { console.error(error); process.exit(1); });
server.listen(Number(port), '127.0.0.1', () => console.log(`smtp sink on 127.0.0.1:${port}, writing to ${folder}`));
