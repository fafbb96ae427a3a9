import { parseChannel, parseLevel } from './field-values';

describe('parseChannel and parseLevel', () => {
  it('read the channel names and 好差评 words a person writes', () => {
    expect(parseChannel('Window')).toBe('window');
    expect(parseLevel('5')).toBe(5);
    expect(parseLevel(1)).toBe(1);
  });

  it('take no name an object inherits for a channel or a level', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(parseChannel(name)).toBeNull();
      expect(parseLevel(name)).toBeNull();
    }
  });
});
