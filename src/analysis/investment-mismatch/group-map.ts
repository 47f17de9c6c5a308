/** Map helpers for one-pass grouping: a group is created the first time its key is seen. */

export function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

export function push(map: Map<string, number[]>, key: string, value: number): void {
  getOrCreate(map, key, () => []).push(value);
}
