package funnel

import "strings"

// MaxPasteLen is the longest pasted text read (a CRM export of six stages
// is well under it).
const MaxPasteLen = 64 << 10

// Pasted is what ParsePaste found: the count of each stage given (Have),
// and whether every stage was.
type Pasted struct {
	Counts [NumStages]int64
	Have   [NumStages]bool
}

// Complete tells whether every stage has a count.
func (p Pasted) Complete() bool {
	for _, h := range p.Have {
		if !h {
			return false
		}
	}
	return true
}

// ParsePaste reads counts pasted from a spreadsheet or a CRM export, as
// liberally as it can: fields separated by tabs, semicolons or commas
// (double quotes group a field); either a row of six numbers, visitors to
// customers, or rows of a stage's name and its count, in English,
// Spanish or Portuguese ("Visitors, 52000", "Oportunidades;95"). Counts
// are whole, 0..MaxPeople, with or without grouping ("52,000",
// "52.000", "52 000"). Rows with no number (headers) and rows it cannot
// read are skipped; a stage given twice keeps its first count.
func ParsePaste(text string) Pasted {
	var p Pasted
	if len(text) > MaxPasteLen {
		text = text[:MaxPasteLen]
	}
	for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		fields := splitFields(line)
		var nums []int64
		stage := Stage(-1)
		for _, f := range fields {
			if v, ok := parseCount(f); ok {
				nums = append(nums, v)
			} else if s, ok := stageNamed(f); ok && stage < 0 {
				stage = s
			}
		}
		switch {
		case stage >= 0 && len(nums) >= 1:
			if !p.Have[stage] {
				p.Counts[stage], p.Have[stage] = nums[0], true
			}
		case stage < 0 && len(nums) == NumStages:
			for i, v := range nums {
				if !p.Have[i] {
					p.Counts[i], p.Have[i] = v, true
				}
			}
		}
	}
	return p
}

// splitFields splits a row at its separator: a tab if it has one, else a
// semicolon, else a comma; outside double quotes. A row split at commas
// whose parts are a name and digit groups ("Visitors,52,000") is read as
// the name and the grouped number.
func splitFields(line string) []string {
	sep := byte(',')
	if strings.IndexByte(line, '\t') >= 0 {
		sep = '\t'
	} else if strings.IndexByte(line, ';') >= 0 {
		sep = ';'
	}
	var fields []string
	var b strings.Builder
	quoted := false
	for i := 0; i < len(line); i++ {
		switch ch := line[i]; {
		case ch == '"':
			quoted = !quoted
		case ch == sep && !quoted:
			fields = append(fields, b.String())
			b.Reset()
		default:
			b.WriteByte(ch)
		}
	}
	fields = append(fields, b.String())
	if sep == ',' && len(fields) > 2 {
		if _, ok := stageNamed(fields[0]); ok {
			if rest := strings.Join(fields[1:], ","); isGrouped(strings.TrimSpace(rest)) {
				return []string{fields[0], rest}
			}
		}
	}
	return fields
}

// parseCount reads a whole count, plain ("52000") or grouped in threes by
// commas, dots, spaces or apostrophes ("52,000", "1.234.567", "52 000").
func parseCount(s string) (int64, bool) {
	s = strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ").Replace(s))
	if s == "" || !isGrouped(s) && !isDigits(s) {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			v = pushDigit(v, s[i])
		}
	}
	return v, v <= MaxPeople
}

// isGrouped tells digits grouped in threes by one separator: 1 to 3
// digits, then groups of a separator and three digits.
func isGrouped(s string) bool {
	first := 0
	for first < len(s) && s[first] >= '0' && s[first] <= '9' {
		first++
	}
	if first == 0 || first > 3 || first == len(s) {
		return false
	}
	sep := s[first]
	if !strings.ContainsRune(",. '", rune(sep)) {
		return false
	}
	rest := s[first:]
	for len(rest) > 0 {
		if len(rest) < 4 || rest[0] != sep || !isDigits(rest[1:4]) {
			return false
		}
		rest = rest[4:]
	}
	return true
}

// stageNames are the names a paste may give each stage, lowercase,
// without accents, spaces, dashes or underscores.
var stageNames = [NumStages][]string{
	{"visitors", "visitor", "visits", "visit", "sessions", "traffic", "visitantes", "visitante", "visitas", "sesiones", "trafico", "trafego", "sessoes"},
	{"leads", "lead", "prospects", "prospectos", "contacts", "contactos", "contatos"},
	{"mqls", "mql", "marketingqualifiedleads", "marketingqualifiedlead", "leadscalificadosmarketing", "leadsqualificadosmarketing"},
	{"sqls", "sql", "salesqualifiedleads", "salesqualifiedlead", "leadscalificadosventas", "leadsqualificadosvendas"},
	{"opportunities", "opportunity", "opps", "opp", "deals", "oportunidades", "oportunidad", "oportunidade", "negocios"},
	{"customers", "customer", "clients", "client", "won", "closedwon", "clientes", "cliente", "ganados", "ganhos"},
}

// stageNamed is the stage a field names, ignoring case, accents and
// spaces.
func stageNamed(s string) (Stage, bool) {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case strings.ContainsRune("áàâã", r):
			b.WriteByte('a')
		case strings.ContainsRune("éê", r):
			b.WriteByte('e')
		case r == 'í':
			b.WriteByte('i')
		case strings.ContainsRune("óôõ", r):
			b.WriteByte('o')
		case r == 'ú':
			b.WriteByte('u')
		case r == 'ç':
			b.WriteByte('c')
		}
	}
	key := b.String()
	for st, names := range stageNames {
		for _, n := range names {
			if key == n {
				return Stage(st), true
			}
		}
	}
	return 0, false
}
