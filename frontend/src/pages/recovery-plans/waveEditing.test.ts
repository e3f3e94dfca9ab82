import { describe, expect, it } from 'vitest';
import { aWave } from '../../test/builders';
import { addWave, moveWave, removeWave } from './waveEditing';

const three = () => [
  aWave({ waveNumber: 1, name: 'db' }),
  aWave({ waveNumber: 2, name: 'app', dependsOn: [1] }),
  aWave({ waveNumber: 3, name: 'web', dependsOn: [1, 2] }),
];

describe('waveEditing', () => {
  it('addWave_Empty_AddsWaveOne', () => {
    expect(addWave([])).toEqual([expect.objectContaining({ waveNumber: 1, name: 'Wave 1', dependsOn: [] })]);
  });

  it('moveWave_Down_RenumbersAndKeepsValidDependencies', () => {
    const moved = moveWave(three(), 0, 1);

    expect(moved.map((w) => [w.name, w.waveNumber, w.dependsOn])).toEqual([
      ['app', 1, []],
      ['db', 2, []],
      ['web', 3, [2, 1]],
    ]);
  });

  it('removeWave_Middle_DropsDependencyOnRemovedWave', () => {
    const kept = removeWave(three(), 1);

    expect(kept.map((w) => [w.name, w.waveNumber, w.dependsOn])).toEqual([
      ['db', 1, []],
      ['web', 2, [1]],
    ]);
  });

  it('moveWave_PastEnd_Unchanged', () => {
    const waves = three();
    expect(moveWave(waves, 2, 1)).toBe(waves);
  });
});
