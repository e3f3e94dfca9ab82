import type { Wave } from '../../api/types';

// Pure wave-list operations. A wave is known by its name and depends on earlier waves by name, so
// every edit keeps those references true: a rename rewrites them, and a dependency on a wave that is
// no longer earlier (moved or removed) is dropped rather than left to be rejected as a forward reference.

function dependsOn(wave: Wave): string[] {
  return wave.dependsOn ?? [];
}

/** Keeps only dependencies on waves that come earlier in the list. */
function pruneForward(waves: Wave[]): Wave[] {
  return waves.map((wave, index) => {
    const earlier = new Set(waves.slice(0, index).map((w) => w.name));
    const kept = dependsOn(wave).filter((d) => earlier.has(d));
    return kept.length === dependsOn(wave).length ? wave : { ...wave, dependsOn: kept };
  });
}

export function newWave(name: string): Wave {
  return { name, protectionGroupIds: [], description: '', pauseBefore: false, dependsOn: [], defaultCriticality: 'CRITICAL', criticalityOverrides: {} };
}

export function addWave(waves: Wave[]): Wave[] {
  const names = new Set(waves.map((w) => w.name));
  let n = waves.length + 1;
  while (names.has(`Wave ${n}`)) n += 1;
  return [...waves, newWave(`Wave ${n}`)];
}

export function removeWave(waves: Wave[], index: number): Wave[] {
  const removed = waves[index];
  if (!removed) return waves;
  return pruneForward(waves.filter((_, i) => i !== index));
}

export function moveWave(waves: Wave[], index: number, offset: -1 | 1): Wave[] {
  const target = index + offset;
  if (target < 0 || target >= waves.length) return waves;
  const reordered = [...waves];
  const [moved] = reordered.splice(index, 1);
  if (!moved) return waves;
  reordered.splice(target, 0, moved);
  return pruneForward(reordered);
}

/** Renames a wave and every reference to it. */
export function renameWave(waves: Wave[], index: number, name: string): Wave[] {
  const old = waves[index]?.name;
  if (old === undefined) return waves;
  return waves.map((w, i) =>
    i === index ? { ...w, name } : dependsOn(w).includes(old) ? { ...w, dependsOn: dependsOn(w).map((d) => (d === old ? name : d)) } : w,
  );
}

export function updateWave(waves: Wave[], index: number, patch: Partial<Wave>): Wave[] {
  return waves.map((w, i) => (i === index ? { ...w, ...patch } : w));
}
