package funnel

// Integer helpers for non-negative operands. Callers keep products below
// 2^63 by the input limits; where they cannot, they use math/bits.

// ceilDiv is ceil(a/b).
func ceilDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 {
		q++
	}
	return q
}

// roundDiv is a/b rounded half up.
func roundDiv(a, b int64) int64 {
	q, r := a/b, a%b
	if r >= b-r {
		q++
	}
	return q
}
