package funnel

// FieldSpec describes a numeric input once: its link parameter, what kind
// of number it is, its range, its value in the seed example and whether
// the plan reads it. Everything that walks the inputs (Defaults, Validate,
// Value, Set, Text, links, the UI's sliders and messages) walks InputSpecs;
// where the value lives in Inputs is Inputs.slot.
type FieldSpec struct {
	Field   Field
	Kind    Kind
	Limits  Limits
	Default int64 // fixed point with Limits.Scale, as Inputs.Value gives it
	// Plan says the plan reads the input; visits and reps are the
	// forecast's own.
	Plan bool
}

// Kind is what an input counts, for the UI to format it.
type Kind int

// The kinds of input.
const (
	KindMoney Kind = iota // minor units of the scenario's currency
	KindRate              // hundredths of a percent
	KindCount             // whole things: weeks, MQLs, calls, visitors, reps
)

// maxMoney is 10,000,000,000,000.00 in minor units.
const maxMoney = 1_000_000_000_000_000

var (
	moneyLimits = Limits{1, maxMoney, 2}
	rateLimits  = Limits{1, 10000, 2} // 0.01 % to 100 %
)

// InputSpecs describes every numeric input in field order: the order of
// Validate, of link parameters and of error reports. The plan's inputs
// come first. Read it; do not change it.
var InputSpecs = [...]FieldSpec{
	// field, kind, limits, default, plan reads it
	{FieldGoal, KindMoney, moneyLimits, 10_000_000, true},
	{FieldTicket, KindMoney, moneyLimits, 100_000, true},
	{FieldR1, KindRate, rateLimits, 5000, true},
	{FieldR2, KindRate, rateLimits, 5000, true},
	{FieldR3, KindRate, rateLimits, 5000, true},
	{FieldR4, KindRate, rateLimits, 5000, true},
	{FieldR5, KindRate, rateLimits, 5000, true},
	{FieldWeeks, KindCount, Limits{1, 53, 0}, 48, true},
	{FieldCap, KindCount, Limits{1, 1000, 0}, 8, true},
	{FieldCalls, KindCount, Limits{0, 100, 0}, 2, true},
	{FieldEmails, KindCount, Limits{0, 100, 0}, 3, true},
	{FieldVisits, KindCount, Limits{1, 1_000_000_000_000, 0}, 20_000, false}, // per month
	{FieldReps, KindCount, Limits{0, 100_000, 0}, 3, false},
}

// InputFields lists every numeric input in field order: InputSpecs'
// fields.
var InputFields = func() (fs [len(InputSpecs)]Field) {
	for i := range InputSpecs {
		fs[i] = InputSpecs[i].Field
	}
	return fs
}()

// slot is where input f lives in in (every input is an int64 underneath,
// Money and Rate too); nil for a field that is not an input. A new input
// is a field of Inputs, a row of InputSpecs and a case here.
func (in *Inputs) slot(f Field) *int64 {
	switch f {
	case FieldGoal:
		return (*int64)(&in.Goal)
	case FieldTicket:
		return (*int64)(&in.Ticket)
	case FieldR1, FieldR2, FieldR3, FieldR4, FieldR5:
		return (*int64)(&in.Rates[f[1]-'1'])
	case FieldWeeks:
		return &in.Weeks
	case FieldCap:
		return &in.Cap
	case FieldCalls:
		return &in.Calls
	case FieldEmails:
		return &in.Emails
	case FieldVisits:
		return &in.Visits
	case FieldReps:
		return &in.Reps
	}
	return nil
}

// ptr is where sp's value lives in in.
func (sp *FieldSpec) ptr(in *Inputs) *int64 { return in.slot(sp.Field) }

func (sp *FieldSpec) check(v int64) *FieldError {
	return checkRange(sp.Field, sp.Limits, v)
}

// specOf is f's entry in InputSpecs; nil for a field that is not a
// numeric input.
func specOf(f Field) *FieldSpec {
	for i := range InputSpecs {
		if InputSpecs[i].Field == f {
			return &InputSpecs[i]
		}
	}
	return nil
}

// Defaults is the seed example: goal 100,000, ticket 1,000, every rate
// 50 %, 48 weeks, 8 MQLs per rep per week, 2 calls and 3 emails per SQL;
// forecast: 20,000 visitors a month and 3 reps.
func Defaults() Inputs {
	var in Inputs
	for i := range InputSpecs {
		sp := &InputSpecs[i]
		*sp.ptr(&in) = sp.Default
	}
	return in
}

// DefaultScenario is Defaults in plan mode, currency USD, language unset.
func DefaultScenario() Scenario {
	return Scenario{Inputs: Defaults(), Mode: ModePlan, Cur: Currencies[0],
		Step: DefaultStep, LeadVisits: -1, LeadsWanted: DefaultLeadsWanted,
		Past: Past{Months: DefaultMonths}}
}

// SpecOf describes input f; false for a field that is not an input.
func SpecOf(f Field) (FieldSpec, bool) {
	if sp := specOf(f); sp != nil {
		return *sp, true
	}
	return FieldSpec{}, false
}

// LimitsOf returns the range of a numeric field; false for others.
func LimitsOf(f Field) (Limits, bool) {
	sp := specOf(f)
	if sp == nil {
		return Limits{}, false
	}
	return sp.Limits, true
}

// Value is field f in fixed point with its Limits' Scale (Goal 100,000.00
// is 10000000, r1 2.75 % is 275, weeks 48 is 48); false for a field that is
// not a numeric input.
func (in Inputs) Value(f Field) (int64, bool) {
	sp := specOf(f)
	if sp == nil {
		return 0, false
	}
	return *sp.ptr(&in), true
}

// SetValue range-checks v (fixed point, as Value returns it) and stores it
// in field f. On error, a *FieldError, the inputs are left unchanged.
func (in *Inputs) SetValue(f Field, v int64) error {
	sp := specOf(f)
	if sp == nil {
		return &FieldError{Field: f, Code: CodeUnknown}
	}
	if err := sp.check(v); err != nil {
		return err
	}
	*sp.ptr(in) = v
	return nil
}

// Set parses text (a plain decimal: digits, optional '.', at most Scale
// decimals; surrounding spaces trimmed) into field f and range-checks it. On
// error, a *FieldError, the inputs are left unchanged. Text longer than
// MaxParamLen is CodeTooLong; a field that is not a numeric input is
// CodeUnknown.
func (in *Inputs) Set(f Field, text string) error {
	sp := specOf(f)
	if sp == nil {
		return &FieldError{Field: f, Code: CodeUnknown}
	}
	return orNil(in.set(sp, text))
}

func (in *Inputs) set(sp *FieldSpec, text string) *FieldError {
	v, code := parseFixed(text, sp.Limits)
	if code != "" {
		return fieldError(sp.Field, code, sp.Limits)
	}
	*sp.ptr(in) = v
	return nil
}

// Text is the canonical link text of field f ("100000", "2.75", "48"); ""
// for a field that is not a numeric input.
func (in Inputs) Text(f Field) string {
	sp := specOf(f)
	if sp == nil {
		return ""
	}
	return in.text(sp)
}

func (in *Inputs) text(sp *FieldSpec) string {
	return FormatFixed(*sp.ptr(in), sp.Limits.Scale)
}

// Validate range-checks every field, in field order; nil when all are
// valid. The list is the inputs' problems, every one of them, not a
// failure of Validate: hence FieldErrors, not an error.
func (in Inputs) Validate() []*FieldError {
	var errs []*FieldError
	for i := range InputSpecs {
		sp := &InputSpecs[i]
		if err := sp.check(*sp.ptr(&in)); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// firstError range-checks the inputs the plan reads, and with forecast
// visits and reps too, in field order and reports the first problem,
// without allocating when there is none.
func (in *Inputs) firstError(forecast bool) *FieldError {
	for i := range InputSpecs {
		sp := &InputSpecs[i]
		if !sp.Plan && !forecast {
			continue
		}
		if err := sp.check(*sp.ptr(in)); err != nil {
			return err
		}
	}
	return nil
}
