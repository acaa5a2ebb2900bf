package ui

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// queryOf is the canonical query of the seed changed by f.
func queryOf(f func(sc *funnel.Scenario)) string {
	sc := funnel.DefaultScenario()
	f(&sc)
	return scenarioQuery(sc)
}

var (
	seedQuery = queryOf(func(*funnel.Scenario) {})
	bigQuery  = queryOf(func(sc *funnel.Scenario) { sc.Goal = 20_000_000 })
	r5Query   = queryOf(func(sc *funnel.Scenario) { sc.Rates[4] = 2500 })
)

func TestSaveTo(t *testing.T) {
	base := []savedScenario{{Name: "Base", Query: seedQuery}, {Name: "Big", Query: bigQuery}}
	full := make([]savedScenario, maxScenarios)
	for i := range full {
		full[i] = savedScenario{Name: fmt.Sprintf("S%d", i), Query: seedQuery}
	}
	tests := []struct {
		name    string
		list    []savedScenario
		save    string // the name typed
		query   string
		replace bool
		want    []savedScenario
		as      string
		outcome saveOutcome
	}{
		{name: "a new name is added", list: base, save: "R5", query: r5Query,
			want: append(base[:2:2], savedScenario{"R5", r5Query}), as: "R5", outcome: saveAdded},
		{name: "a blank name takes the first free default", list: base, query: r5Query,
			want: append(base[:2:2], savedScenario{"Scenario 3", r5Query}), as: "Scenario 3", outcome: saveAdded},
		{name: "a blank name skips defaults taken", list: []savedScenario{{"Scenario 2", seedQuery}}, query: r5Query,
			want: []savedScenario{{"Scenario 2", seedQuery}, {"Scenario 3", r5Query}}, as: "Scenario 3", outcome: saveAdded},
		{name: "a taken name asks first and changes nothing", list: base, save: "Base", query: r5Query,
			want: base, as: "Base", outcome: saveAsk},
		{name: "a taken name is replaced once agreed", list: base, save: "Base", query: r5Query, replace: true,
			want: []savedScenario{{"Base", r5Query}, {"Big", bigQuery}}, as: "Base", outcome: saveReplaced},
		{name: "a name holding this very scenario has nothing to replace", list: base, save: "Big", query: bigQuery,
			want: base, as: "Big", outcome: saveSame},
		{name: "the same scenario written otherwise is the same", list: []savedScenario{{"Base", "r1=50&goal=100000"}},
			save: "Base", query: seedQuery, want: []savedScenario{{"Base", "r1=50&goal=100000"}}, as: "Base", outcome: saveSame},
		{name: "a replacement agreed to for a name deleted since is added", list: base[1:], save: "Base", query: r5Query,
			replace: true, want: append(base[1:2:2], savedScenario{"Base", r5Query}), as: "Base", outcome: saveAdded},
		{name: "a full list takes no new name", list: full, save: "One more", query: r5Query,
			want: full, as: "One more", outcome: saveFull},
		{name: "a full list still replaces", list: full, save: "S3", query: r5Query, replace: true, as: "S3", outcome: saveReplaced},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list := append([]savedScenario(nil), tt.list...)
			got, as, outcome := saveTo(list, tt.save, tt.query, text.For("en").ScenDefault, tt.replace)
			assert.Equal(t, tt.outcome, outcome)
			assert.Equal(t, tt.as, as)
			if tt.want != nil {
				assert.Equal(t, tt.want, got)
			}
			if outcome == saveReplaced {
				assert.Equal(t, tt.query, got[indexOf(got, as)].Query)
				assert.Len(t, got, len(tt.list))
			}
		})
	}
}

// TestScenarioFlow drives the flow through saves, loads, edits and undos:
// each step is an action on the scenario on screen (current).
func TestScenarioFlow(t *testing.T) {
	list := []savedScenario{{Name: "Base", Query: seedQuery}, {Name: "Big", Query: bigQuery}}
	type step struct {
		do      string // "save", "load NAME", "edit QUERY", "undo"
		unsaved bool   // before the step: would a load lose changes?
		undo    bool   // after the step: is Undo on offer?
		current string // after the step: the scenario on screen
	}
	tests := []struct {
		name    string
		current string // the page opens on it
		steps   []step
	}{
		{name: "a fresh page on a saved scenario has nothing unsaved", current: seedQuery, steps: []step{
			{do: "load Big", current: bigQuery},
		}},
		{name: "a fresh page on an unsaved scenario is unsaved: Undo puts it back", current: r5Query, steps: []step{
			{do: "load Base", unsaved: true, undo: true, current: seedQuery},
			{do: "undo", current: r5Query},
			// Back to before the load: still unsaved.
			{do: "load Big", unsaved: true, undo: true, current: bigQuery},
		}},
		{name: "edits after a load are unsaved", current: seedQuery, steps: []step{
			{do: "load Base", current: seedQuery},
			{do: "edit " + r5Query, current: r5Query},
			{do: "load Big", unsaved: true, undo: true, current: bigQuery},
			{do: "undo", current: r5Query},
			// The baseline is Base again: loading it now goes over the edits.
			{do: "load Base", unsaved: true, undo: true, current: seedQuery},
		}},
		{name: "saving makes the screen saved", current: r5Query, steps: []step{
			{do: "save", unsaved: true, current: r5Query},
			{do: "load Big", current: bigQuery},
		}},
		{name: "edits back to the loaded scenario are no changes", current: seedQuery, steps: []step{
			{do: "load Big", current: bigQuery},
			{do: "edit " + r5Query, current: r5Query},
			{do: "edit " + bigQuery, unsaved: true, current: bigQuery},
			{do: "load Base", current: seedQuery},
		}},
		{name: "loading what is on screen loses nothing", current: seedQuery, steps: []step{
			{do: "load Base", current: seedQuery},
			{do: "edit " + bigQuery, current: bigQuery},
			{do: "load Big", unsaved: true, current: bigQuery},
		}},
		{name: "Undo goes once the loaded scenario is changed", current: r5Query, steps: []step{
			{do: "load Big", unsaved: true, undo: true, current: bigQuery},
			{do: "edit " + seedQuery, current: seedQuery},
			{do: "undo", unsaved: true, current: seedQuery}, // nothing to undo: the edit stays
			// The loaded scenario again: Undo is back.
			{do: "edit " + bigQuery, unsaved: true, undo: true, current: bigQuery},
			{do: "undo", current: r5Query},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f scenarioFlow
			current := tt.current
			for i, s := range tt.steps {
				assert.Equal(t, s.unsaved, f.unsaved(current, list), "step %d (%s): unsaved before", i, s.do)
				verb, arg, _ := strings.Cut(s.do, " ")
				switch verb {
				case "save":
					f.settle()
					f.saved(current)
				case "load":
					f.settle()
					q := list[indexOf(list, arg)].Query
					over := f.load(arg, q, current, list)
					assert.Equal(t, s.undo, over, "step %d (%s): over unsaved changes", i, s.do)
					current = q
				case "edit":
					current = arg
				case "undo":
					if previous, _, ok := f.undoLoad(current); ok {
						current = previous
					}
				}
				assert.Equal(t, s.current, current, "step %d (%s): on screen", i, s.do)
				assert.Equal(t, s.undo, f.undoable(current) != nil, "step %d (%s): Undo on offer", i, s.do)
			}
		})
	}
}

// TestPanelLoadUndo: the panel's load and Undo, with the calculator's part
// played by hand (it opens the query the panel hands it).
func TestPanelLoadUndo(t *testing.T) {
	list := []savedScenario{{Name: "Base", Query: seedQuery}, {Name: "Big", Query: bigQuery}}
	tests := []struct {
		name, load, status string
		current            string
		undo               bool
	}{
		{name: "over unsaved changes", current: r5Query, load: "Base", undo: true,
			status: "Loaded “Base” over your unsaved changes."},
		{name: "over a saved scenario", current: bigQuery, load: "Base", status: "Loaded “Base”."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &scenariosPanel{Query: tt.current, Lang: "en", Cur: "USD", list: list}
			query, ok := p.load(tt.load)
			require.True(t, ok)
			assert.Equal(t, list[indexOf(list, tt.load)].Query, query)
			assert.Equal(t, tt.status, p.status(text.For("en")))
			p.Query = canonicalQuery(query) // the calculator opened it
			html := app.HTMLString(p)
			if !tt.undo {
				assert.NotContains(t, html, `data-testid="scenario-undo"`)
				_, _, ok := p.undo()
				assert.False(t, ok)
				return
			}
			assert.Regexp(t, `data-testid="scenario-undo"[^>]*>\s*Undo<`, html)
			assert.Contains(t, html, `aria-label="Undo loading “Base”"`)
			previous, name, ok := p.undo()
			require.True(t, ok)
			assert.Equal(t, tt.current, previous, "Undo opens exactly what was on screen")
			assert.Equal(t, "Base", name)
			assert.Equal(t, "Back to what was on screen before loading “Base”.", p.status(text.For("en")))
			p.Query = previous
			assert.NotContains(t, app.HTMLString(p), `data-testid="scenario-undo"`)
		})
	}
	p := &scenariosPanel{Query: seedQuery, Lang: "en", list: list}
	_, ok := p.load("Gone")
	assert.False(t, ok, "a name no longer saved loads nothing")
}

// TestPanelConfirm renders the question in every language: an alert
// dialog named by its question, with Replace and Cancel; a new outcome
// ends it.
func TestPanelConfirm(t *testing.T) {
	for _, lang := range text.Codes() {
		t.Run(lang, func(t *testing.T) {
			tx := text.For(lang)
			p := &scenariosPanel{Query: bigQuery, Lang: lang, Cur: "USD", list: []savedScenario{{Name: "Base", Query: seedQuery}}}
			assert.NotContains(t, app.HTMLString(p), `role="alertdialog"`)
			p.flow.confirm = "Base"
			html := app.HTMLString(p)
			assert.Regexp(t, `data-testid="scenario-confirm"[^>]*role="alertdialog"|role="alertdialog"[^>]*data-testid="scenario-confirm"`, html)
			assert.Contains(t, html, `aria-labelledby="scen-confirm-q"`)
			assert.Regexp(t, `id="scen-confirm-q"[^>]*>\s*`+strings.ReplaceAll(fmt.Sprintf(tx.ScenAsk, "Base"), "?", `\?`)+`\s*<`, html)
			assert.Regexp(t, `data-testid="scenario-replace"[^>]*>\s*`+tx.ScenReplace+`<`, html)
			assert.Regexp(t, `data-testid="scenario-cancel"[^>]*>\s*`+tx.ScenCancel+`<`, html)
			if lang == "es" {
				assert.Contains(t, fmt.Sprintf(tx.ScenAsk, "Base"), "¿")
			}
			p.ok(func(t *text.Catalog) string { return t.ScenEmpty })
			assert.Empty(t, p.flow.confirm, "a new outcome ends the question")
			assert.NotContains(t, app.HTMLString(p), `role="alertdialog"`)
		})
	}
}

// TestReadStatusTellsTheTruth: the status after reading the stored list
// says what was left out, and that the list starts empty only when it does.
func TestReadStatusTellsTheTruth(t *testing.T) {
	entry := func(name, query string) string {
		b, _ := json.Marshal(savedScenario{Name: name, Query: query})
		return string(b)
	}
	var sixty []string
	for i := range 60 {
		sixty = append(sixty, entry(fmt.Sprintf("S%d", i), "r1=25"))
	}
	tests := []struct {
		name, raw string
		listed    int
		says      []string // in English
		not       string
	}{
		{"sixty saved", "[" + strings.Join(sixty, ",") + "]", 50, []string{"at most 50", "10 more"}, "starts empty"},
		{"lone surrogates", `[{"name":"A\ud800","query":"r1=25"},{"name":"B","query":"r1=25"}]`, 1, []string{"1 saved"}, "starts empty"},
		{"a lone surrogate in a query", "[" + entry("A", "r1=25&cur=\uFFFD") + "," + entry("B", "r1=25") + "]", 1, []string{"1 saved"}, "starts empty"},
		{"2 MB of garbage", strings.Repeat("x", 2<<20), 0, []string{"starts empty"}, "left out"},
		{"a 2 MB name", "[" + entry(strings.Repeat("n", 2<<20), "r1=25") + "]", 1, nil, "starts empty"},
	}
	en := text.For("en")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := decodeScenarios([]byte(tt.raw))
			assert.Len(t, list, tt.listed)
			if tt.says == nil {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			for _, lang := range text.Codes() {
				msg := readStatus(err)(text.For(lang))
				assert.NotEmpty(t, msg, lang)
				assert.NotContains(t, msg, "%!", lang)
			}
			msg := readStatus(err)(en)
			for _, s := range tt.says {
				assert.Contains(t, msg, s)
			}
			assert.NotContains(t, msg, tt.not)
		})
	}
}
