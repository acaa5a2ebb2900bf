package funnel

// peopleLimits is the range of a count of people given directly.
var peopleLimits = Limits{Min: 0, Max: MaxPeople}

// LeadsFromVisitors is the whole leads visitors yield at r1 (rounded
// down). visitors must be 0..MaxPeople (FieldVisits) and r1 1..10000
// (FieldR1). The error is a *FieldError.
func LeadsFromVisitors(visitors int64, r1 Rate) (int64, error) {
	if err := checkRange(FieldVisits, peopleLimits, visitors); err != nil {
		return 0, err
	}
	if err := checkRange(FieldR1, rateLimits, int64(r1)); err != nil {
		return 0, err
	}
	return int64(uint64(visitors) * uint64(r1) / 10000), nil
}

// VisitorsForLeads is the visitors needed for leads at r1 (rounded up), so
// that the visitors times r1 yield at least the leads. leads must be
// 0..MaxPeople (FieldLeads) and r1 1..10000 (FieldR1); a result past
// MaxPeople is CodeResultLarge. The error is a *FieldError.
func VisitorsForLeads(leads int64, r1 Rate) (int64, error) {
	if err := checkRange(FieldLeads, peopleLimits, leads); err != nil {
		return 0, err
	}
	if err := checkRange(FieldR1, rateLimits, int64(r1)); err != nil {
		return 0, err
	}
	r := uint64(r1)
	visitors := (uint64(leads)*10000 + r - 1) / r
	if visitors > MaxPeople {
		return 0, peopleTooLarge()
	}
	return int64(visitors), nil
}

// ParseCount reads a whole count of people typed for field f (the traffic
// and leads mini calculator), 0..MaxPeople, with the same rules as Set. The
// error is a *FieldError.
func ParseCount(f Field, text string) (int64, error) {
	v, code := parseFixed(text, peopleLimits)
	if code != "" {
		return 0, fieldError(f, code, peopleLimits)
	}
	return v, nil
}
