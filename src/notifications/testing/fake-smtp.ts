import { createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * The smallest SMTP server nodemailer will talk to, on 127.0.0.1, for tests: no TLS, no
 * auth. It keeps each message it accepts, and can refuse recipients to test bounces.
 */
export interface SmtpMessage {
  from: string;
  to: string[];
  /** The raw message as sent after DATA, dot-unstuffed. */
  data: string;
}

export interface FakeSmtp {
  url: string;
  messages: SmtpMessage[];
  /** Reply to RCPT TO with this code (e.g. 550 or 450) instead of 250. */
  refuseRecipients(code: number | null): void;
  close(): Promise<void>;
}

export async function startFakeSmtp(): Promise<FakeSmtp> {
  const messages: SmtpMessage[] = [];
  const sockets = new Set<Socket>();
  let refusal: number | null = null;

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let current: SmtpMessage = { from: '', to: [], data: '' };
    const say = (line: string) => socket.write(`${line}\r\n`);
    say('220 fake-smtp.test ESMTP ready');

    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          current.data = buffer.slice(0, end).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          messages.push(current);
          current = { from: '', to: [], data: '' };
          say('250 2.0.0 Ok: queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          say('250-fake-smtp.test');
          say('250 8BITMIME');
        } else if (verb === 'HELO') say('250 fake-smtp.test');
        else if (verb === 'MAIL') {
          current.from = addressIn(line);
          say('250 2.1.0 Ok');
        } else if (verb === 'RCPT') {
          if (refusal !== null) say(`${refusal} 5.1.1 <${addressIn(line)}>: Recipient address rejected`);
          else {
            current.to.push(addressIn(line));
            say('250 2.1.5 Ok');
          }
        } else if (verb === 'DATA') {
          inData = true;
          say('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'RSET') {
          current = { from: '', to: [], data: '' };
          say('250 2.0.0 Ok');
        } else if (verb === 'NOOP') say('250 2.0.0 Ok');
        else if (verb === 'QUIT') {
          say('221 2.0.0 Bye');
          socket.end();
          return;
        } else say('502 5.5.2 Command not recognised');
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuseRecipients: (code) => {
      refusal = code;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function addressIn(line: string): string {
  return /<([^>]*)>/.exec(line)?.[1] ?? '';
}
