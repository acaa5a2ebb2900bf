package main

import "embudo.app/funnel"

// numberFormat turns the funnel's exact fixed-point results into text for a
// locale and currency. In the browser it is Intl.NumberFormat
// (format_wasm.go); on the server, which pre-renders the first page, it is a
// small table that mirrors Intl's output for the locales we use
// (format_server.go).
type numberFormat interface {
	// Fixed formats units/10^scale with exactly scale decimals.
	Fixed(units int64, scale int) string
	// Upto formats units/10^scale with up to scale decimals (4, 4.5, 4.25).
	Upto(units int64, scale int) string
	// Mark is the decimal separator the locale writes ("." or ",").
	Mark() string
	// Money formats an amount with the currency's symbol, without
	// decimals when it is a whole amount.
	Money(m funnel.Money) string
}

// locale picks the BCP 47 locale for a language and currency: Spanish
// follows the currency's country, so pesos read as a Mexican, Colombian,
// Argentinian or Chilean reader expects.
func locale(lang, cur string) string {
	if lang != "es" {
		return "en-US"
	}
	switch cur {
	case "MXN":
		return "es-MX"
	case "COP":
		return "es-CO"
	case "ARS":
		return "es-AR"
	case "CLP":
		return "es-CL"
	case "PEN":
		return "es-PE"
	case "EUR":
		return "es-ES"
	case "USD":
		return "es-US"
	}
	return "es-419"
}

// Int formats a whole number.
func Int(f numberFormat, n int64) string { return f.Fixed(n, 0) }

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}
