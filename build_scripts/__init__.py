"""Build scripts for the news-briefing site: data/*.yaml -> validated model -> Markdown pages."""
