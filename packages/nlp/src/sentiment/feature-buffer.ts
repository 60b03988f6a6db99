// A reusable sparse vector for the prediction path: feature extraction counts hashed features into
// it (an open-addressing table, cleared by what was touched) and the model reads the result, so
// scoring a mention allocates no per-feature arrays or maps. Each scorer owns one (never shared
// between analyzers); training copies the contents out instead.

export interface SparseVector {
  indices: ArrayLike<number>;
  values: ArrayLike<number>;
}

const EMPTY = -1;

export class FeatureBuffer {
  /** Count table: slot → feature index (EMPTY if free) and its count. */
  private keys = new Int32Array(4096).fill(EMPTY);
  private counts = new Int32Array(4096);
  private slotMask = 4095;
  private shift = 20;
  /** Distinct features in first-seen order (their slots), for reading out and clearing. */
  private touched = new Int32Array(4096);
  private distinct = 0;

  indices = new Int32Array(1024);
  values = new Float64Array(1024);
  length = 0;

  clear(): void {
    for (let i = 0; i < this.distinct; i++) this.keys[this.touched[i]!] = EMPTY;
    this.distinct = 0;
    this.length = 0;
  }

  /** Counts one occurrence of a hashed feature (a non-negative bucket number). */
  count(feature: number): void {
    let slot = Math.imul(feature, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === feature) {
        this.counts[slot]!++;
        return;
      }
      if (k === EMPTY) break;
      slot = (slot + 1) & this.slotMask;
    }
    this.keys[slot] = feature;
    this.counts[slot] = 1;
    this.touched[this.distinct++] = slot;
    if (this.distinct * 2 > this.keys.length) this.grow();
  }

  /**
   * Moves the counted features into indices/values, L2-normalised (each counted once if `binary`);
   * dense ones follow via push.
   */
  flushCounts(binary = false): void {
    let norm = 0;
    for (let i = 0; i < this.distinct; i++) {
      const c = binary ? 1 : this.counts[this.touched[i]!]!;
      norm += c * c;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < this.distinct; i++) {
      const slot = this.touched[i]!;
      this.push(this.keys[slot]!, (binary ? 1 : this.counts[slot]!) * scale);
    }
  }

  push(index: number, value: number): void {
    if (this.length === this.indices.length) {
      const indices = new Int32Array(this.indices.length * 2);
      indices.set(this.indices);
      this.indices = indices;
      const values = new Float64Array(this.values.length * 2);
      values.set(this.values);
      this.values = values;
    }
    this.indices[this.length] = index;
    this.values[this.length++] = value;
  }

  /** The contents as a fresh, independent vector (training keeps one per example). */
  toVector(): SparseVector {
    return { indices: Array.from(this.indices.subarray(0, this.length)), values: Array.from(this.values.subarray(0, this.length)) };
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    const order = this.touched.subarray(0, this.distinct).slice();
    this.keys = new Int32Array(oldKeys.length * 2).fill(EMPTY);
    this.counts = new Int32Array(oldKeys.length * 2);
    this.slotMask = this.keys.length - 1;
    this.shift--;
    this.touched = new Int32Array(this.keys.length);
    const n = this.distinct;
    this.distinct = 0;
    for (let i = 0; i < n; i++) {
      const feature = oldKeys[order[i]!]!;
      let slot = Math.imul(feature, 0x9e3779b1) >>> this.shift;
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & this.slotMask;
      this.keys[slot] = feature;
      this.counts[slot] = oldCounts[order[i]!]!;
      this.touched[this.distinct++] = slot;
    }
  }
}
