package funnel

import "strconv"

// Field names an input; the names are the link parameters of the spec.
type Field string

// The fields. FieldResult stands for the combination of inputs (a result
// past MaxPeople or MaxRevenue). FieldStep is the sensitivity step,
// FieldLeads the leads wanted in VisitorsForLeads and FieldLeadVisits the
// visitors in LeadsFromVisitors: the what-if tools' settings, in the link
// so that it reproduces the screen.
const (
	FieldGoal   Field = "goal"
	FieldTicket Field = "ticket"
	FieldR1     Field = "r1"
	FieldR2     Field = "r2"
	FieldR3     Field = "r3"
	FieldR4     Field = "r4"
	FieldR5     Field = "r5"
	FieldWeeks  Field = "weeks"
	FieldCap    Field = "cap"
	FieldCalls  Field = "calls"
	FieldEmails Field = "emails"
	FieldMode   Field = "mode"
	FieldVisits Field = "visits"
	FieldReps   Field = "reps"
	FieldLang   Field = "lang"
	FieldCur    Field = "cur"
	FieldEmbed  Field = "embed"
	FieldResult Field = "result"
	FieldStep   Field = "step"
	FieldLeads  Field = "leads"

	FieldLeadVisits Field = "lvisits"

	// The lever solved for (forecast mode), and last period's counts and
	// the months they cover (the calibration).
	FieldSolve  Field = "solve"
	FieldPast   Field = "past"
	FieldMonths Field = "months"
)

// rateFields is RateField's answer for 1..5.
var rateFields = [NumRates]Field{FieldR1, FieldR2, FieldR3, FieldR4, FieldR5}

// RateField is the field of rate i (1..5).
func RateField(i int) Field {
	if i >= 1 && i <= NumRates {
		return rateFields[i-1]
	}
	return Field("r" + strconv.Itoa(i))
}

// Code says what is wrong with a field.
type Code string

// The error codes.
const (
	CodeNotNumber   Code = "not_number"   // not a plain decimal number
	CodeDecimals    Code = "decimals"     // more decimals than the field allows
	CodeTooSmall    Code = "too_small"    // below Min
	CodeTooLarge    Code = "too_large"    // above Max
	CodeTooLong     Code = "too_long"     // text longer than MaxParamLen
	CodeUnknown     Code = "unknown"      // not one of the allowed values (mode, lang, cur, embed)
	CodeResultLarge Code = "result_large" // a needed count past MaxPeople (Scale 0) or revenue past MaxRevenue (Scale 2)
	CodeEncoding    Code = "encoding"     // a link pair that is not valid percent-encoding (SplitQuery)
	CodeSeparator   Code = "separator"    // a link pair holding ";", which links do not use to separate (SplitQuery)
)

// Codes lists every error code, for the UI to check each has its words.
var Codes = []Code{CodeNotNumber, CodeDecimals, CodeTooSmall, CodeTooLarge, CodeTooLong,
	CodeUnknown, CodeResultLarge, CodeEncoding, CodeSeparator}

// FieldError is a validation error the UI translates: which field, what is
// wrong, and the allowed range as fixed-point numbers with Scale decimals
// (Min 1, Max 10000, Scale 2 means 0.01 to 100.00).
//
// The package's functions return it as an error; every error they return
// is a *FieldError, reached with errors.As:
//
//	var fe *funnel.FieldError
//	if errors.As(err, &fe) { ... fe.Field, fe.Code ... }
type FieldError struct {
	Field    Field
	Code     Code
	Min, Max int64
	Scale    int
}

// MaxPeople is the largest count any stage may need.
const MaxPeople = 1_000_000_000_000_000

// MaxRevenue is the largest revenue a forecast may report: 10^15 currency
// units. Past it ComputeForecast fails with CodeResultLarge rather than
// wrap (visits and ticket at their limits would need 10^28 minor units).
const MaxRevenue Money = 100_000_000_000_000_000

// MaxParamLen is the longest accepted text for one parameter.
const MaxParamLen = 32

// Currencies lists the supported ISO 4217 codes, default first.
var Currencies = []string{"USD", "MXN", "EUR", "COP", "ARS", "CLP", "PEN", "BRL"}

// Scenario is a whole link: the inputs plus mode, language, currency and
// layout. Lang is "" when the link does not choose one (the UI then asks the
// browser).
type Scenario struct {
	Inputs
	Mode  Mode
	Lang  string
	Cur   string
	Embed bool
	// The what-if tools' settings: the sensitivity step (one of
	// SensitivitySteps), and traffic ↔ leads' visitors a month (-1: the
	// scenario's Visits) and leads wanted.
	Step        Rate
	LeadVisits  int64
	LeadsWanted int64
	// Cal is the month-by-month plan's settings (months.go).
	Cal Calendar
	// Solve is the lever solved for ("" for none, else one of
	// SolveFields); Past the counts the rates may come from.
	Solve Field
	Past  Past
}

// SensitivitySteps are the sensitivity steps offered, in hundredths of a
// point; DefaultStep is the first shown.
var SensitivitySteps = []Rate{50, 100, 200, 500}

const DefaultStep Rate = 100

// DefaultLeadsWanted is the second article's example: 100 leads a month.
const DefaultLeadsWanted = 100

// Limits is the allowed range and scale of a numeric field.
type Limits struct {
	Min, Max int64
	Scale    int
}
