package funnel

import "math/bits"

// u128 is an unsigned 128-bit integer: enough for the forecast's exact
// numerators (visitors x five rates < 1.2e33) without math/big's
// allocations.
type u128 struct{ hi, lo uint64 }

func u64(v uint64) u128 { return u128{lo: v} }

// mul is a*b; ok is false when the product does not fit.
func (a u128) mul(b uint64) (p u128, ok bool) {
	hi1, lo := bits.Mul64(a.lo, b)
	hi2, mid := bits.Mul64(a.hi, b)
	hi, carry := bits.Add64(hi1, mid, 0)
	return u128{hi, lo}, hi2 == 0 && carry == 0
}

// add is a+b; ok is false when the sum does not fit.
func (a u128) add(b u128) (s u128, ok bool) {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	hi, c := bits.Add64(a.hi, b.hi, c)
	return u128{hi, lo}, c == 0
}

// divmod is a/d and a%d.
func (a u128) divmod(d uint64) (u128, uint64) {
	qhi, r := a.hi/d, a.hi%d
	qlo, r := bits.Div64(r, a.lo, d)
	return u128{qhi, qlo}, r
}

func (a u128) less(b u128) bool {
	return a.hi < b.hi || a.hi == b.hi && a.lo < b.lo
}

// pow10u128[k] is 10^k, for k up to 38.
var pow10u128 = func() (t [39]u128) {
	t[0] = u64(1)
	for k := 1; k < len(t); k++ {
		t[k], _ = t[k-1].mul(10)
	}
	return t
}()

// divPow10 is a/10^k and a%10^k, for k up to 38: two 64-bit divisions.
func (a u128) divPow10(k int) (q, r u128) {
	k1 := min(k, 19)
	d1 := pow10u128[k1].lo
	q, r1 := a.divmod(d1)
	if k == k1 {
		return q, u64(r1)
	}
	q, r2 := q.divmod(pow10u128[k-k1].lo)
	r, _ = u64(r2).mul(d1)
	r, _ = r.add(u64(r1))
	return q, r
}

// roundPow10 is a/10^k rounded half up (k >= 1).
func (a u128) roundPow10(k int) u128 {
	q, r := a.divPow10(k)
	half, _ := pow10u128[k-1].mul(5)
	if !r.less(half) {
		q, _ = q.add(u64(1))
	}
	return q
}

// mulFloorPow10 is floor(a*m/10^k) without forming a*m, which may pass
// 128 bits: (q*10^k + r)*m/10^k = q*m + r*m/10^k. ok is false when the
// result does not fit; r*m must fit (r < 10^k, so 10^k*m < 2^128).
func (a u128) mulFloorPow10(m uint64, k int) (u128, bool) {
	q, r := a.divPow10(k)
	whole, ok1 := q.mul(m)
	part, _ := r.mul(m)
	part, _ = part.divPow10(k)
	sum, ok2 := whole.add(part)
	return sum, ok1 && ok2
}
