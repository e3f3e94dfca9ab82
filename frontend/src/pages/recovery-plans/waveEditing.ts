import type { Wave } from '../../api/types';

// Pure wave-list operations. Waves are numbered by position, so every edit renumbers and rewrites
// dependencies; a dependency on a wave that is no longer earlier is dropped rather than left to be
// rejected as a forward reference.

function renumber(waves: Wave[], oldNumbers: number[]): Wave[] {
  const map = new Map(oldNumbers.map((old, index) => [old, index + 1]));
  return waves.map((wave, index) => {
    const waveNumber = index + 1;
    const dependsOn = wave.dependsOn
      .map((d) => map.get(d))
      .filter((d): d is number => d !== undefined && d < waveNumber);
    return { ...wave, waveNumber, dependsOn };
  });
}

export function addWave(waves: Wave[]): Wave[] {
  const waveNumber = waves.length + 1;
  return [...waves, { waveNumber, name: `Wave ${waveNumber}`, protectionGroupIds: [], pauseBefore: false, dependsOn: [], serverCriticality: {} }];
}

export function removeWave(waves: Wave[], index: number): Wave[] {
  const kept = waves.filter((_, i) => i !== index);
  return renumber(kept, kept.map((w) => w.waveNumber));
}

export function moveWave(waves: Wave[], index: number, offset: -1 | 1): Wave[] {
  const target = index + offset;
  if (target < 0 || target >= waves.length) return waves;
  const reordered = [...waves];
  const [moved] = reordered.splice(index, 1);
  if (!moved) return waves;
  reordered.splice(target, 0, moved);
  return renumber(reordered, reordered.map((w) => w.waveNumber));
}

export function updateWave(waves: Wave[], index: number, patch: Partial<Wave>): Wave[] {
  return waves.map((w, i) => (i === index ? { ...w, ...patch } : w));
}
