// AssemblyScript: log, exp and expm1 for the kernels, ported from fdlibm, the library V8 ports for
// JavaScript's Math.log, Math.exp and Math.expm1, so a kernel's numbers are the ones the same arithmetic in
// TypeScript gives, to the last bit. (AssemblyScript's own Math follows musl, whose log differs from
// V8's in the last bit of about 1 result in 13; calling out to JavaScript's cost ~5% of the
// aligner's time.) Checked against JavaScript's on millions of values
// (src/core/kernels.test.ts).
//
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================

const ln2_hi = reinterpret<f64>(0x3fe62e42fee00000);
const ln2_lo = reinterpret<f64>(0x3dea39ef35793c76);
const two54 = reinterpret<f64>(0x4350000000000000);
const Lg1 = reinterpret<f64>(0x3fe5555555555593);
const Lg2 = reinterpret<f64>(0x3fd999999997fa04);
const Lg3 = reinterpret<f64>(0x3fd2492494229359);
const Lg4 = reinterpret<f64>(0x3fcc71c51d8e78af);
const Lg5 = reinterpret<f64>(0x3fc7466496cb03de);
const Lg6 = reinterpret<f64>(0x3fc39a09d078c69f);
const Lg7 = reinterpret<f64>(0x3fc2f112df3e5244);

/** The natural logarithm: fdlibm's __ieee754_log (e_log.c). */
export function log(x: f64): f64 {
  let bits = reinterpret<u64>(x);
  let hx = <i32>(bits >> 32);
  const lx = <u32>bits;
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= two54;
    bits = reinterpret<u64>(x);
    hx = <i32>(bits >> 32);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  x = reinterpret<f64>(((<u64>(hx | (i0 ^ 0x3ff00000))) << 32) | (reinterpret<u64>(x) & 0xffffffff));
  k += i0 >> 20;
  const f = x - 1.0;
  let dk: f64;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) {
      if (k === 0) return 0;
      dk = <f64>k;
      return dk * ln2_hi + dk * ln2_lo;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - R;
    dk = <f64>k;
    return dk * ln2_hi - (R - dk * ln2_lo - f);
  }
  const s = f / (2.0 + f);
  dk = <f64>k;
  const z = s * s;
  let i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * ln2_hi - (hfsq - (s * (hfsq + R) + dk * ln2_lo) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * ln2_hi - (s * (f - R) - dk * ln2_lo - f);
}

const o_threshold = reinterpret<f64>(0x40862e42fefa39ef);
const invln2 = reinterpret<f64>(0x3ff71547652b82fe);
const Q1 = reinterpret<f64>(0xbfa11111111110f4);
const Q2 = reinterpret<f64>(0x3f5a01a019fe5585);
const Q3 = reinterpret<f64>(0xbf14ce199eaadbb7);
const Q4 = reinterpret<f64>(0x3ed0cfca86e65239);
const Q5 = reinterpret<f64>(0xbe8afdb76e09c32d);
/** x with its high 32 bits replaced. */
function withHigh(x: f64, high: u32): f64 {
  return reinterpret<f64>(((<u64>high) << 32) | (reinterpret<u64>(x) & 0xffffffff));
}
/** The high 32 bits of x. */
function highOf(x: f64): u32 {
  return <u32>(reinterpret<u64>(x) >> 32);
}
/** exp(x) − 1, accurate near 0: fdlibm's expm1 (s_expm1.c). */
export function expm1(x: f64): f64 {
  let hx = highOf(x);
  const xsb = hx & 0x80000000;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) {
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | <u32>reinterpret<u64>(x)) !== 0) return x + x;
        return xsb === 0 ? x : -1.0;
      }
      if (x > o_threshold) return Infinity;
    }
    if (xsb !== 0) return -1.0;
  }
  let k: i32 = 0;
  let c: f64 = 0;
  let hi: f64;
  let lo: f64;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      if (xsb === 0) {
        hi = x - ln2_hi;
        lo = ln2_lo;
        k = 1;
      } else {
        hi = x + ln2_hi;
        lo = -ln2_lo;
        k = -1;
      }
    } else {
      k = <i32>(invln2 * x + (xsb === 0 ? 0.5 : -0.5));
      const t = <f64>k;
      hi = x - t * ln2_hi;
      lo = t * ln2_lo;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    return x;
  } else k = 0;
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return 1.0 + 2.0 * (x - e);
  }
  let y: f64;
  if (k <= -2 || k > 56) {
    y = 1.0 - (e - x);
    y = withHigh(y, highOf(y) + ((<u32>k) << 20));
    return y - 1.0;
  }
  if (k < 20) {
    t = withHigh(1.0, 0x3ff00000 - (0x200000 >> k));
    y = t - (e - x);
    y = withHigh(y, highOf(y) + ((<u32>k) << 20));
  } else {
    t = reinterpret<f64>((<u64>((0x3ff - k) << 20)) << 32);
    y = x - (e + t);
    y += 1.0;
    y = withHigh(y, highOf(y) + ((<u32>k) << 20));
  }
  return y;
}

const o_thresholdExp = reinterpret<f64>(0x40862e42fefa39ef);
const u_threshold = reinterpret<f64>(0xc0874910d52d3051);
const twom1000 = reinterpret<f64>(0x0170000000000000);
const P1 = reinterpret<f64>(0x3fc555555555553e);
const P2 = reinterpret<f64>(0xbf66c16c16bebd93);
const P3 = reinterpret<f64>(0x3f11566aaf25de2c);
const P4 = reinterpret<f64>(0xbebbbd41c5d26bf1);
const P5 = reinterpret<f64>(0x3e66376972bea4d0);

/** e^x: fdlibm's __ieee754_exp (e_exp.c). */
export function exp(x: f64): f64 {
  let hx = highOf(x);
  const xsb = <i32>(hx >> 31);
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | <u32>reinterpret<u64>(x)) !== 0) return x + x;
      return xsb === 0 ? x : 0.0;
    }
    if (x > o_thresholdExp) return Infinity;
    if (x < u_threshold) return twom1000 * twom1000;
  }
  let k: i32 = 0;
  let hi: f64 = 0;
  let lo: f64 = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      // V8's one change to fdlibm here: Math.exp(1) is Math.E.
      if (x === 1.0) return Math.E;
      hi = xsb === 0 ? x - ln2_hi : x + ln2_hi;
      lo = xsb === 0 ? ln2_lo : -ln2_lo;
      k = 1 - xsb - xsb;
    } else {
      k = <i32>(invln2 * x + (xsb === 0 ? 0.5 : -0.5));
      const t = <f64>k;
      hi = x - t * ln2_hi;
      lo = t * ln2_lo;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1.0 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const y = 1.0 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return withHigh(y, highOf(y) + ((<u32>k) << 20));
  return withHigh(y, highOf(y) + ((<u32>(k + 1000)) << 20)) * twom1000;
}
