package funnel

import (
	"math"
	"math/bits"
	"strings"
)

// Past is last period's counts at each stage, visitors to customers, and
// the months they cover: the calibration's input (link parameters past
// and months). Set is false when the link gives no counts.
type Past struct {
	Set    bool
	Counts [NumStages]int64
	Months int64
}

// DefaultMonths is the months counts cover when the link does not say.
const DefaultMonths = 12

// monthsLimits is the range of the months counts cover.
var monthsLimits = Limits{1, 36, 0}

// maxPastLen is the longest past parameter read: six counts up to
// MaxPeople (19 digits) and their commas.
const maxPastLen = 6*19 + 5

// Problem says why a rate is not derived from counts.
type Problem string

// The problems with counts.
const (
	ProblemNone    Problem = ""
	ProblemMissing Problem = "missing" // a count is not given
	ProblemZero    Problem = "zero"    // the stage above has no one: nothing to divide by
	ProblemLarger  Problem = "larger"  // the stage has more than the stage above
)

// Estimate is one rate derived from counts: count_i / count_(i-1) in
// hundredths of a percent rounded half up, with its sample (the
// denominator) and its 95 % Wilson score interval (Low and High, rounded
// half up to hundredths of a percent). Small warns that the sample is too
// small to trust: fewer than MinSample, or an interval wider than the rate
// itself.
type Estimate struct {
	Problem   Problem
	Rate      Rate
	Sample    int64
	Low, High Rate
	Small     bool
}

// MinSample is the smallest sample a rate is trusted from.
const MinSample = 30

// Calibration is what counts say: each rate, and the visitors a month
// (VisitsOK false when there are none to divide).
type Calibration struct {
	Rates    [NumRates]Estimate
	Visits   int64
	VisitsOK bool
}

// Calibrate derives the rates and the visitors a month from counts (each
// 0..MaxPeople) over months (1..36). have says which counts are given (a
// paste may name only some stages).
func Calibrate(counts [NumStages]int64, have [NumStages]bool, months int64) Calibration {
	var c Calibration
	for i := range c.Rates {
		e := &c.Rates[i]
		n, x := counts[i], counts[i+1]
		switch {
		case !have[i] || !have[i+1]:
			e.Problem = ProblemMissing
			continue
		case n == 0:
			e.Problem = ProblemZero
			continue
		case x > n:
			e.Problem = ProblemLarger
			continue
		}
		e.Sample = n
		e.Rate = Rate(ratio(x, n))
		low, high := Wilson(x, n)
		e.Low, e.High = Rate(math.Floor(low*10000+0.5)), Rate(math.Floor(high*10000+0.5))
		e.Small = n < MinSample || e.High-e.Low > e.Rate
	}
	if have[Visitors] && counts[Visitors] > 0 && months >= 1 {
		c.Visits, c.VisitsOK = roundDiv(counts[Visitors], months), true
	}
	return c
}

// ratio is x / n in hundredths of a percent, rounded half up, for
// 0 <= x <= n <= MaxPeople: (20000x + n) / 2n in 128 bits.
func ratio(x, n int64) int64 {
	hi, lo := bits.Mul64(uint64(x), 20000)
	lo, carry := bits.Add64(lo, uint64(n), 0)
	q, _ := bits.Div64(hi+carry, lo, uint64(n)*2)
	return int64(q)
}

// z95 is the standard normal's 97.5th percentile.
const z95 = 1.959963984540054

// Wilson is the 95 % Wilson score interval of x successes in n trials
// (0 <= x <= n, n > 0), as fractions.
func Wilson(x, n int64) (low, high float64) {
	nf := float64(n)
	p := float64(x) / nf
	z2 := z95 * z95
	den := 1 + z2/nf
	center := (p + z2/(2*nf)) / den
	half := z95 / den * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	return max(center-half, 0), min(center+half, 1)
}

// ParsePast reads the past parameter: six whole counts, visitors to
// customers, comma separated ("52000,1480,610,240,95,31"), each
// 0..MaxPeople. The error is a *FieldError about FieldPast.
func ParsePast(text string) ([NumStages]int64, *FieldError) {
	var counts [NumStages]int64
	if len(text) > maxPastLen {
		return counts, &FieldError{Field: FieldPast, Code: CodeTooLong}
	}
	parts := strings.Split(text, ",")
	if len(parts) != NumStages {
		return counts, &FieldError{Field: FieldPast, Code: CodeUnknown}
	}
	for i, p := range parts {
		v, code := parseFixed(p, peopleLimits)
		if code != "" {
			return counts, fieldError(FieldPast, code, peopleLimits)
		}
		counts[i] = v
	}
	return counts, nil
}

// PastText is the past parameter's text for counts.
func PastText(counts [NumStages]int64) string {
	parts := make([]string, NumStages)
	for i, c := range counts {
		parts[i] = FormatFixed(c, 0)
	}
	return strings.Join(parts, ",")
}

// ApplyCalibration sets the rates counts derive (each at least 0.01 %,
// the least a rate may be) and the visitors a month they give; rates and
// visits counts cannot derive are left as they are.
func ApplyCalibration(in Inputs, c Calibration) Inputs {
	for i, e := range c.Rates {
		if e.Problem == ProblemNone {
			in.Rates[i] = max(e.Rate, Rate(rateLimits.Min))
		}
	}
	if c.VisitsOK {
		in.Visits = min(max(c.Visits, 1), InputSpecs[11].Limits.Max)
	}
	return in
}
