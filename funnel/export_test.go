package funnel

// Internals the external tests reach.

// Series is spread's result: a volume per month, index SeriesLead being
// the fiscal year's first month.
type Series = series

const SeriesLead = lead

// Spread is spread: n split by w and shifted shift/487 months earlier.
func Spread(n int64, w *[12]int64, shift int64) Series { return spread(n, w, shift) }

// HirePlan is hirePlan.
func HirePlan(need []uint64, base, full uint64) ([]int64, []uint64, []bool) {
	return hirePlan(need, base, full)
}
