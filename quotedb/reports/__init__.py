"""Reports: quotes as HTML embeds, oEmbed, Markdown, CSV, JSON-LD, CSL-JSON and feeds."""
