package recommend

import "github.com/authgen/authgen/internal/answers"

// Recommendation is what authgen advises for a set of answers.
type Recommendation struct {
	// Strategy is the recommended strategy.
	Strategy answers.Strategy `json:"strategy"`
	// Reasons say why, each naming the trade-off that decided it.
	Reasons []string `json:"reasons"`
	// Warnings say what to watch out for with these answers, and what an
	// override of the recommendation costs.
	Warnings []string `json:"warnings"`
	// Chosen is the strategy that will be rendered: Strategy, or the user's
	// --strategy override.
	Chosen answers.Strategy `json:"chosen"`
	// Overridden reports whether the user overrode the recommendation.
	Overridden bool `json:"overridden"`
}
