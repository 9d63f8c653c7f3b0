import { groupsIn, hasGroupsClaim, identityClaims, looksLikeJwt, mappedRoles } from './idp-claims.js';

describe('claims of the OpenID provider', () => {
  it('reads groups from a claim name, a dotted path, or a single string', () => {
    expect(groupsIn({ groups: ['a', 'b', 3] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsIn({ realm_access: { roles: ['risk'] } }, 'realm_access.roles')).toEqual(['risk']);
    expect(groupsIn({ 'https://acme.example/groups': 'g' }, 'https://acme.example/groups')).toEqual(['g']);
    expect(groupsIn({}, 'groups')).toEqual([]);
    expect(groupsIn({ groups: { a: 1 } }, 'groups')).toEqual([]);
    expect(hasGroupsClaim({ groups: [] }, 'groups')).toBe(true);
    expect(hasGroupsClaim({ realm_access: {} }, 'realm_access.roles')).toBe(false);
  });

  it('maps groups to roles exactly, unmapped groups giving none', () => {
    const mapping = { 'aims-risk': ['risk-officer'], 'aims-gov': ['governance', 'auditor'] };
    expect(mappedRoles(['aims-risk', 'aims-gov', 'AIMS-RISK', 'other'], mapping)).toEqual(['auditor', 'governance', 'risk-officer']);
    expect(mappedRoles(['constructor', '__proto__'], { 'aims-risk': ['risk-officer'] })).toEqual([]);
  });

  it('tells the directory who, with name and e-mail when the token has them', () => {
    const claims = identityClaims(
      { iss: 'https://idp', sub: 's1', preferred_username: 'rita', email: 'rita@acme.example', groups: ['aims-risk'] },
      { groupsClaim: 'groups', roleMapping: { 'aims-risk': ['risk-officer'] } },
    );
    expect(claims).toEqual({ issuer: 'https://idp', sub: 's1', name: 'rita', email: 'rita@acme.example', roles: ['risk-officer'] });
  });

  it('tells JWTs from API tokens', () => {
    expect(looksLikeJwt('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln')).toBe(true);
    expect(looksLikeJwt('afw_x7Tq2a9Lw0c-_abc')).toBe(false);
    expect(looksLikeJwt('a.b')).toBe(false);
  });
});
