package funnel

// InputFields lists every numeric input in field order: the order of
// Validate, of link parameters and of error reports.
var InputFields = [...]Field{
	FieldGoal, FieldTicket, FieldR1, FieldR2, FieldR3, FieldR4, FieldR5,
	FieldWeeks, FieldCap, FieldCalls, FieldEmails, FieldVisits, FieldReps,
}

// maxMoney is 10,000,000,000,000.00 in minor units.
const maxMoney = 1_000_000_000_000_000

// inputLimits is indexed like InputFields.
var inputLimits = [len(InputFields)]Limits{
	{1, maxMoney, 2},          // goal
	{1, maxMoney, 2},          // ticket
	{1, 10000, 2},             // r1
	{1, 10000, 2},             // r2
	{1, 10000, 2},             // r3
	{1, 10000, 2},             // r4
	{1, 10000, 2},             // r5
	{1, 53, 0},                // weeks
	{1, 1000, 0},              // cap
	{0, 100, 0},               // calls
	{0, 100, 0},               // emails
	{1, 1_000_000_000_000, 0}, // visits per month
	{0, 100_000, 0},           // reps
}

// r1At is the index of r1 in InputFields; r2..r5 follow.
const r1At = 2

// planInputs is how many leading InputFields the plan reads (all but
// visits and reps).
const planInputs = 11

// Defaults is the seed example: goal 100,000, ticket 1,000, every rate
// 50 %, 48 weeks, 8 MQLs per rep per week, 2 calls and 3 emails per SQL;
// forecast: 20,000 visitors a month and 3 reps.
func Defaults() Inputs {
	return Inputs{
		Goal:   10_000_000,
		Ticket: 100_000,
		Rates:  [NumRates]Rate{5000, 5000, 5000, 5000, 5000},
		Weeks:  48,
		Cap:    8,
		Calls:  2,
		Emails: 3,
		Visits: 20_000,
		Reps:   3,
	}
}

// DefaultScenario is Defaults in plan mode, currency USD, language unset.
func DefaultScenario() Scenario {
	return Scenario{Inputs: Defaults(), Mode: ModePlan, Cur: Currencies[0]}
}

// fieldIndex is f's position in InputFields.
func fieldIndex(f Field) (int, bool) {
	for i, g := range InputFields {
		if g == f {
			return i, true
		}
	}
	return 0, false
}

// LimitsOf returns the range of a numeric field; false for others.
func LimitsOf(f Field) (Limits, bool) {
	i, ok := fieldIndex(f)
	if !ok {
		return Limits{}, false
	}
	return inputLimits[i], true
}

// Value is field f in fixed point with its Limits' Scale (Goal 100,000.00
// is 10000000, r1 2.75 % is 275, weeks 48 is 48); false for a field that is
// not a numeric input.
func (in Inputs) Value(f Field) (int64, bool) {
	i, ok := fieldIndex(f)
	if !ok {
		return 0, false
	}
	return in.valueAt(i), true
}

// SetValue range-checks v (fixed point, as Value returns it) and stores it
// in field f. On error the inputs are left unchanged.
func (in *Inputs) SetValue(f Field, v int64) *FieldError {
	i, ok := fieldIndex(f)
	if !ok {
		return &FieldError{Field: f, Code: CodeUnknown}
	}
	if err := checkAt(i, v); err != nil {
		return err
	}
	in.setAt(i, v)
	return nil
}

// Set parses text (a plain decimal: digits, optional '.', at most Scale
// decimals; surrounding spaces trimmed) into field f and range-checks it. On
// error the inputs are left unchanged. Text longer than MaxParamLen is
// CodeTooLong; a field that is not a numeric input is CodeUnknown.
func (in *Inputs) Set(f Field, text string) *FieldError {
	i, ok := fieldIndex(f)
	if !ok {
		return &FieldError{Field: f, Code: CodeUnknown}
	}
	v, code := parseFixed(text, inputLimits[i])
	if code != "" {
		return fieldError(f, code, inputLimits[i])
	}
	in.setAt(i, v)
	return nil
}

// Text is the canonical link text of field f ("100000", "2.75", "48"); ""
// for a field that is not a numeric input.
func (in Inputs) Text(f Field) string {
	i, ok := fieldIndex(f)
	if !ok {
		return ""
	}
	return formatFixed(in.valueAt(i), inputLimits[i].Scale)
}

// Validate range-checks every field, in field order; nil when all are
// valid.
func (in Inputs) Validate() []*FieldError {
	var errs []*FieldError
	for i := range InputFields {
		if err := checkAt(i, in.valueAt(i)); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// firstError range-checks the first n InputFields and reports the first
// problem, without allocating when there is none.
func (in *Inputs) firstError(n int) *FieldError {
	for i := range n {
		if err := checkAt(i, in.valueAt(i)); err != nil {
			return err
		}
	}
	return nil
}

func checkAt(i int, v int64) *FieldError {
	lim := inputLimits[i]
	switch {
	case v < lim.Min:
		return fieldError(InputFields[i], CodeTooSmall, lim)
	case v > lim.Max:
		return fieldError(InputFields[i], CodeTooLarge, lim)
	}
	return nil
}

func (in *Inputs) valueAt(i int) int64 {
	switch {
	case i == 0:
		return int64(in.Goal)
	case i == 1:
		return int64(in.Ticket)
	case i < r1At+NumRates:
		return int64(in.Rates[i-r1At])
	case i == 7:
		return in.Weeks
	case i == 8:
		return in.Cap
	case i == 9:
		return in.Calls
	case i == 10:
		return in.Emails
	case i == 11:
		return in.Visits
	}
	return in.Reps
}

func (in *Inputs) setAt(i int, v int64) {
	switch {
	case i == 0:
		in.Goal = Money(v)
	case i == 1:
		in.Ticket = Money(v)
	case i < r1At+NumRates:
		in.Rates[i-r1At] = Rate(v)
	case i == 7:
		in.Weeks = v
	case i == 8:
		in.Cap = v
	case i == 9:
		in.Calls = v
	case i == 10:
		in.Emails = v
	case i == 11:
		in.Visits = v
	default:
		in.Reps = v
	}
}
