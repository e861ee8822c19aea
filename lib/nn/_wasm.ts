/**
 * A very small WebAssembly assembler: just enough to write the matmul kernel
 * of `_gemm.ts` as TypeScript and turn it into a module's bytes when the
 * library loads. No toolchain, no binary in the repository, nothing fetched:
 * the source of the kernel is the code that emits it.
 *
 * The encoding follows the WebAssembly core specification (binary format,
 * section 5) and its fixed-width SIMD proposal (opcodes after the 0xfd prefix).
 *
 * @module
 */

/** Unsigned LEB128, the variable-length integers of the binary format. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (for `i32.const`). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** Value types. */
export const I32 = 0x7f, I64 = 0x7e, V128 = 0x7b;

/** The instructions the kernels use, each returning its bytes. */
export const op = {
  block: () => [0x02, 0x40],
  loop: () => [0x03, 0x40],
  if: () => [0x04, 0x40],
  else: () => [0x05],
  end: () => [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  get: (local: number) => [0x20, ...uleb(local)],
  set: (local: number) => [0x21, ...uleb(local)],
  tee: (local: number) => [0x22, ...uleb(local)],
  i32: (value: number) => [0x41, ...sleb(value)],
  i32Add: () => [0x6a],
  i32Sub: () => [0x6b],
  i32Mul: () => [0x6c],
  i32And: () => [0x71],
  i32Or: () => [0x72],
  i32Shl: () => [0x74],
  i32Load: (offset = 0) => [0x28, 2, ...uleb(offset)],
  i32Store: (offset = 0) => [0x36, 2, ...uleb(offset)],
  i32Eqz: () => [0x45],
  i64Load: (offset = 0) => [0x29, 2, ...uleb(offset)],
  i64Store: (offset = 0) => [0x37, 2, ...uleb(offset)],
  i64Or: () => [0x84],
  i64Eqz: () => [0x50],
  /** v128.load with a byte offset (alignment hint 4 bytes: float32 data). */
  v128Load: (offset = 0) => [0xfd, 0x00, 2, ...uleb(offset)],
  v128Store: (offset = 0) => [0xfd, 0x0b, 2, ...uleb(offset)],
  /** Loads one float32 and copies it into all four lanes. */
  load32Splat: (offset = 0) => [0xfd, 0x09, 2, ...uleb(offset)],
  v128Zero: () => [0xfd, 0x0c, ...new Array(16).fill(0)],
  anyTrue: () => [0xfd, 0x53],
  v128Or: () => [0xfd, 0x50],
  f32x4Add: () => [0xfd, ...uleb(0xe4)],
  f32x4Mul: () => [0xfd, ...uleb(0xe6)],
  /** Loads two float32 (8 bytes) into the low half, zeroing the rest. */
  load64Zero: (offset = 0) => [0xfd, 0x5d, 3, ...uleb(offset)],
  /** Loads one float64 and copies it into both lanes. */
  load64Splat: (offset = 0) => [0xfd, 0x0a, 3, ...uleb(offset)],
  /** Stores the low 8 bytes (two float32 lanes). */
  store64Low: (offset = 0) => [0xfd, 0x5b, 3, ...uleb(offset), 0],
  /** The two low float32 lanes, widened exactly to two float64 lanes. */
  f64x2PromoteLow: () => [0xfd, 0x5f],
  /** Two float64 lanes, each rounded to float32 (into the two low lanes; the rest zero). */
  f32x4DemoteZero: () => [0xfd, 0x5e],
  f64x2Add: () => [0xfd, ...uleb(0xf0)],
  f64x2Sub: () => [0xfd, ...uleb(0xf1)],
  f64x2Mul: () => [0xfd, ...uleb(0xf2)],
};

/** `local -= by`, then loop again (branch to the enclosing loop) while it is not zero. */
export const countDown = (local: number, by: number): number[] => [
  ...op.get(local),
  ...op.i32(by),
  ...op.i32Sub(),
  ...op.tee(local),
  ...op.brIf(0),
];

/** `local += (the i32 that `step` leaves on the stack)`. */
export const addTo = (local: number, step: number[]): number[] => [
  ...op.get(local),
  ...step,
  ...op.i32Add(),
  ...op.set(local),
];

/** A function: its parameter count (all i32), extra locals by type, and body. */
export interface Func {
  name: string;
  params: number;
  locals: { type: number; count: number }[];
  body: number[];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(s: string): number[] {
  const bytes = [...new TextEncoder().encode(s)];
  return [...uleb(bytes.length), ...bytes];
}

/**
 * A module of exported functions (i32 parameters, no results) that imports
 * its memory as `env.memory`.
 */
export function assemble(funcs: Func[]): Uint8Array<ArrayBuffer> {
  const types = funcs.map((f) => [0x60, ...uleb(f.params), ...new Array(f.params).fill(I32), 0]);
  const memoryImport = [...name("env"), ...name("memory"), 0x02, 0x00, ...uleb(1)];
  const exports = funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const codes = funcs.map((f) => {
    const body = [
      ...vector(f.locals.map((l) => [...uleb(l.count), l.type])),
      ...f.body,
      ...op.end(),
    ];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, vector(types)),
    ...section(2, vector([memoryImport])),
    ...section(3, vector(funcs.map((_, i) => uleb(i)))),
    ...section(7, vector(exports)),
    ...section(10, vector(codes)),
  ]);
}
