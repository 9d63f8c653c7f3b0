import { jsonShapeProblem } from './json-shape.guard.js';

const limits = { maxDepth: 8, maxKeys: 5, maxItems: 5 };

describe('jsonShapeProblem', () => {
  it('accepts ordinary bodies', () => {
    expect(jsonShapeProblem({ name: 'x', tags: ['a', 'b'], nested: { a: { b: 1.5 } }, big: 2 ** 53 - 1 }, limits)).toBeUndefined();
  });

  it('finds depth without recursion, however deep', () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(jsonShapeProblem({ a: deep }, limits)).toMatchObject({ code: 'json-too-deep', pointer: '/a/0/0/0/0/0/0/0' });
  });

  it('bounds keys and items, naming where', () => {
    expect(jsonShapeProblem({ list: [1, 2, 3, 4, 5, 6] }, limits)).toMatchObject({ code: 'json-too-large', pointer: '/list' });
    expect(jsonShapeProblem({ o: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 } }, limits)).toMatchObject({ code: 'json-too-large', pointer: '/o' });
  });

  it('refuses strings PostgreSQL cannot store and integers past 2^53, by pointer', () => {
    expect(jsonShapeProblem({ name: 'nul\u0000' }, limits)).toMatchObject({ code: 'invalid-string', pointer: '/name' });
    expect(jsonShapeProblem({ list: ['ok', 'lone \ud800'] }, limits)).toMatchObject({ code: 'invalid-string', pointer: '/list/1' });
    expect(jsonShapeProblem({ 'a/b': '\udc00' }, limits)).toMatchObject({ pointer: '/a~1b' });
    expect(jsonShapeProblem({ emoji: '\ud83d\ude00' }, limits)).toBeUndefined();
    expect(jsonShapeProblem({ n: 2 ** 64 }, limits)).toMatchObject({ code: 'invalid-number', pointer: '/n' });
    expect(jsonShapeProblem({ x: 1e300 }, limits)).toMatchObject({ code: 'invalid-number' });
  });
});
