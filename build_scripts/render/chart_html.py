"""Chart markup: the HTML that replaces a `<!-- chart: id -->` marker (pure; autoescaped Jinja2).

A chart is its caption (its finding first, then its title and one-sentence summary), a static SVG (when one
could be made; one per palette) and its data as a table; the interactive Plotly version is loaded by
assets/charts.js on first interaction.
"""
from __future__ import annotations

import re

import jinja2

from build_scripts.render.chart_spec import IMAGE_WIDTH, PHONE_MEDIA, PHONE_WIDTH, Chart

TABLE_ROWS = 200  # a longer table is cut, pointing at the full data (the page would grow with the data)
MARKER = re.compile(r"^[ \t]*<!--\s*chart:\s*([a-z0-9-]+)\s*-->[ \t]*$", re.MULTILINE)

TEMPLATE = """\
<figure class="chart" id="chart-{{ chart.id }}" data-chart-src="{{ json_url }}" data-timeline="{{ timeline_url }}"\
{% if not images %} data-chart-auto="1"{% endif %}>
<figcaption class="chart__caption"><strong class="chart__finding">{{ chart.finding }}</strong><br>\
<span class="chart__title">{{ chart.title }}</span><br>\
<span class="chart__summary">{{ chart.summary }}</span></figcaption>
<div class="chart__plot" style="height: {{ chart.height }}px">
{% if images %}{% for palette, urls in images.items() %}<picture class="chart__static chart__static--{{ palette }}">\
<source media="{{ phone_media }}" srcset="{{ urls.phone }}" width="{{ phone_width }}" height="{{ chart.height }}">\
<img src="{{ urls.wide }}" alt="{{ chart.title }}: {{ chart.finding }} {{ chart.summary }}" \
width="{{ wide_width }}" height="{{ chart.height }}" loading="lazy" decoding="async"></picture>
{% endfor %}
{% else %}<p class="chart__loading">The interactive chart loads here; its data is in the table below.</p>
{% endif %}
</div>
{% if images %}<p class="chart__actions">\
<button type="button" class="chart__activate md-button">Explore the interactive chart</button></p>
{% endif %}<details class="chart__data">
<summary>Chart data as a table ({{ chart.rows|length }} row{{ '' if chart.rows|length == 1 else 's' }})</summary>
{% if chart.rows|length > max_rows %}<p>The first {{ max_rows }} rows; all {{ chart.rows|length }} are in \
<a href="{{ json_url }}">the chart's data file</a>.</p>
{% endif %}<div class="chart__table"><table>
<thead><tr>{% for h in chart.headers %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in chart.rows[:max_rows] %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>
{% endfor %}</tbody>
</table></div>
</details>
</figure>
"""


CHART_TEMPLATE = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(TEMPLATE)


def render_chart(chart: Chart, json_url: str, images: dict[str, dict[str, str]], timeline_url: str) -> str:
    """images: the static images' addresses per palette (light, dark) and size (wide, phone), empty when
    there are none. The page shows its palette's (briefing.css), the phone's on a narrow screen; the
    others, hidden and lazy, are not fetched."""
    html = CHART_TEMPLATE.render(chart=chart, json_url=json_url, images=images, timeline_url=timeline_url,
                              phone_media=PHONE_MEDIA, phone_width=PHONE_WIDTH, wide_width=IMAGE_WIDTH,
                              max_rows=TABLE_ROWS)
    return "\n" + html.strip() + "\n"
