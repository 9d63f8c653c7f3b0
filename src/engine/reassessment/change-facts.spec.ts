import { anyChange, attributeChangeFacts, modelChangeFacts, semverBump } from './change-facts.js';

describe('change facts for reassessment triggers', () => {
  it.each([
    ['1.2.3', '2.0.0', 'major'],
    ['1.2.3', '1.3.0', 'minor'],
    ['1.2.3', '1.2.4', 'patch'],
    ['1.2.3', '1.2.3', 'none'],
    ['2.0.0', '1.9.9', 'none'],
    ['v1.0.0', 'v1.1.0-rc.1', 'minor'],
    ['2024-08-06', '2024-11-20', 'none'],
    [undefined, '1.0.0', 'none'],
  ])('semver %s → %s is %s', (previous, next, bump) => {
    expect(semverBump(previous, next)).toBe(bump);
  });

  it('derives model facts: same model bumped, provider or name changed, declared changes', () => {
    const current = { provider: 'acme', name: 'rank', version: '1.2.0' };
    expect(modelChangeFacts(current, { provider: 'acme', name: 'rank', version: '2.0.0' })).toMatchObject({
      semverBump: 'major',
      providerChanged: false,
      modelNameChanged: false,
    });
    expect(modelChangeFacts(current, { provider: 'other', name: 'rank', version: '1.2.1' })).toMatchObject({ semverBump: 'none', providerChanged: true });
    expect(modelChangeFacts(current, { provider: 'acme', name: 'rank-xl', version: '1.0.0' })).toMatchObject({
      modelNameChanged: true,
      providerChanged: false,
    });
    expect(modelChangeFacts(null, { provider: 'acme', name: 'rank', version: '1.0.0' })).toMatchObject({ providerChanged: false, modelNameChanged: false });
    const declared = modelChangeFacts(
      current,
      { ...current, version: '1.2.1' },
      { trainingDataChanged: true, newDeploymentRegions: ['US'], newUseCases: [], newAffectedPersons: ['children'] },
    );
    expect(declared).toMatchObject({ semverBump: 'patch', trainingDataChanged: true, newDeploymentRegion: true, newUseCase: false, newAffectedPersons: true });
  });

  it('derives attribute facts from a PATCH', () => {
    const before = { intendedPurpose: 'Rank CVs', attributes: { deploymentRegions: ['EU'], useCases: ['recruitment'], affectedPersons: ['job-applicants'] } };
    expect(anyChange(attributeChangeFacts(before, before))).toBe(false);
    const after = {
      intendedPurpose: 'Rank CVs and interviews',
      attributes: { deploymentRegions: ['EU', 'US'], useCases: ['recruitment'], affectedPersons: ['job-applicants'] },
    };
    expect(attributeChangeFacts(before, after)).toMatchObject({
      intendedPurposeChanged: true,
      newDeploymentRegion: true,
      newUseCase: false,
      newAffectedPersons: false,
    });
    const removed = { ...before, attributes: { ...before.attributes, deploymentRegions: [] } };
    expect(anyChange(attributeChangeFacts(before, removed))).toBe(false);
  });
});
