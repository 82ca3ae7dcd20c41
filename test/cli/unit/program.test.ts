import { describe, expect, it } from 'vitest';
import { buildProgram, invokedCommand } from '../../../electron/cli/program';

describe('the command tree', () => {
  it('finds the invoked command past global options, and none for help or an unknown word', () => {
    expect(invokedCommand(['read', 'kh://a/b'])).toBe('read');
    expect(invokedCommand(['--data-dir', '/tmp/x', '--json', 'vault', 'ls'])).toBe('vault');
    // A folder named like a command is the option's value, not the command.
    expect(invokedCommand(['--data-dir', 'scan', 'keys', 'ls', 'Pyas'])).toBe('keys');
    expect(invokedCommand(['--help'])).toBeNull();
    expect(invokedCommand(['-V'])).toBeNull();
    expect(invokedCommand(['nosuch', 'read'])).toBeNull();
    expect(invokedCommand(['--', 'read'])).toBeNull();
  });

  it('loads only the invoked command, and every command for help', async () => {
    const one = await buildProgram('0.0.0-test', ['read', 'kh://a/b']);
    expect(one.program.commands.map((command) => command.name())).toEqual(['read']);
    const all = await buildProgram('0.0.0-test', ['--help']);
    expect(all.program.commands.map((command) => command.name())).toEqual([
      'read',
      'run',
      'inject',
      'vault',
      'apps',
      'keys',
      'team',
      'scan',
    ]);
  });
});
