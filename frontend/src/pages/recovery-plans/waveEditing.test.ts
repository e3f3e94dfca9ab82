import { describe, expect, it } from 'vitest';
import { aWave } from '../../test/builders';
import { addWave, moveWave, removeWave, renameWave } from './waveEditing';

const three = () => [aWave({ name: 'db' }), aWave({ name: 'app', dependsOn: ['db'] }), aWave({ name: 'web', dependsOn: ['db', 'app'] })];

describe('waveEditing', () => {
  it('addWave_Empty_AddsWaveOne', () => {
    expect(addWave([])).toEqual([expect.objectContaining({ name: 'Wave 1', dependsOn: [], defaultCriticality: 'CRITICAL' })]);
  });

  it('addWave_NameTaken_PicksTheNextFreeName', () => {
    expect(addWave([aWave({ name: 'Wave 2' })]).map((w) => w.name)).toEqual(['Wave 2', 'Wave 3']);
  });

  it('moveWave_Down_DropsDependencyThatWouldPointForward', () => {
    const moved = moveWave(three(), 0, 1);

    expect(moved.map((w) => [w.name, w.dependsOn])).toEqual([
      ['app', []],
      ['db', []],
      ['web', ['db', 'app']],
    ]);
  });

  it('removeWave_Middle_DropsDependencyOnRemovedWave', () => {
    const kept = removeWave(three(), 1);

    expect(kept.map((w) => [w.name, w.dependsOn])).toEqual([
      ['db', []],
      ['web', ['db']],
    ]);
  });

  it('renameWave_Referenced_RewritesDependencies', () => {
    const renamed = renameWave(three(), 0, 'databases');

    expect(renamed.map((w) => [w.name, w.dependsOn])).toEqual([
      ['databases', []],
      ['app', ['databases']],
      ['web', ['databases', 'app']],
    ]);
  });

  it('moveWave_PastEnd_Unchanged', () => {
    const waves = three();
    expect(moveWave(waves, 2, 1)).toBe(waves);
  });
});
