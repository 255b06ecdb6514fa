/*
 * html.c - the HTML form of an accuracy report: one page with inline CSS and
 * hand-drawn inline SVG (per-label F1 bars, confusion heat map or per-label
 * error counts, score distributions, learning curve), no scripts and nothing
 * fetched, built in a sticky buffer and written atomically.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "revtag/atomic.h"
#include "revtag/report.h"
#include "rtint.h"

#define BLUE "#0072B2"      /* Okabe-Ito colours: distinguishable with colour blindness */
#define ORANGE "#E69F00"
#define GREEN "#009E73"
#define RED "#D55E00"
#define LABEL_CHARS 30      /* axis labels longer than this are cut (full text in a tooltip) */

static const char CSS[] =
    "body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;"
    "color:#222}h1{font-size:1.5em}h2{border-bottom:1px solid #ccc;margin-top:2em}"
    "table{border-collapse:collapse;margin:.5em 0 1em}td,th{padding:2px 10px;text-align:right;"
    "border-bottom:1px solid #eee}th{background:#f4f4f4}td:first-child,th:first-child"
    "{text-align:left}.meta{color:#555}.plots{display:flex;flex-wrap:wrap;gap:1.5em}"
    "figure{margin:0}figcaption{font-weight:600;margin-bottom:.3em}svg{font:11px sans-serif}"
    ".note{color:#555;font-size:.9em;max-width:60em}figure .note{max-width:32em}"
    "td.l,th.l{text-align:left}";

/* ------------------------------------------------------------ text helpers */

/* Append S HTML-escaped (also fit for SVG text and attribute values). */
static void esc(int *rc, rt_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': rt_buf_puts(rc, b, "&amp;"); break;
        case '<': rt_buf_puts(rc, b, "&lt;"); break;
        case '>': rt_buf_puts(rc, b, "&gt;"); break;
        case '"': rt_buf_puts(rc, b, "&quot;"); break;
        case '\'': rt_buf_puts(rc, b, "&#39;"); break;
        default: rt_buf_append(rc, b, s, 1);
        }
    }
}

/* Append S escaped, cut to LABEL_CHARS code points with an ellipsis. */
static void esc_short(int *rc, rt_buf *b, const char *s)
{
    size_t cps = 0, i = 0;
    for (; s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && ++cps > LABEL_CHARS)
            break;
    if (!s[i]) {
        esc(rc, b, s);
        return;
    }
    char *cut = rt_strndup(s, i);
    if (!cut) {
        *rc = *rc == RT_OK ? RT_ENOMEM : *rc;
        return;
    }
    esc(rc, b, cut);
    rt_buf_puts(rc, b, "\xe2\x80\xa6");
    free(cut);
}

/* ------------------------------------------------------------ SVG primitives */

static void svg_open(int *rc, rt_buf *b, const char *caption, double w, double h)
{
    rt_buf_printf(rc, b, "<figure><figcaption>%s</figcaption><svg xmlns=\"http://www.w3.org/"
                  "2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                  "role=\"img\">", caption, w, h, w, h);
}

static void svg_close(int *rc, rt_buf *b, const char *note)
{
    rt_buf_puts(rc, b, "</svg>");
    if (note)
        rt_buf_printf(rc, b, "<p class=\"note\">%s</p>", note);
    rt_buf_puts(rc, b, "</figure>\n");
}

static void rect(int *rc, rt_buf *b, double x, double y, double w, double h, const char *fill)
{
    rt_buf_printf(rc, b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                  x, y, w, h, fill);
}

static void line(int *rc, rt_buf *b, double x1, double y1, double x2, double y2, const char *colour)
{
    rt_buf_printf(rc, b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                  x1, y1, x2, y2, colour);
}

/* Open a <text> at X, Y anchored ANCHOR ("start", "middle", "end"); the caller closes it. */
static void text_open(int *rc, rt_buf *b, double x, double y, const char *anchor)
{
    rt_buf_printf(rc, b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
}

/* A legend entry: a swatch at X on the top line, then TEXT. */
static void legend(int *rc, rt_buf *b, double x, const char *colour, const char *text)
{
    rect(rc, b, x, 6, 10, 10, colour);
    text_open(rc, b, x + 14, 15, "start");
    rt_buf_printf(rc, b, "%s</text>", text);
}

/* Vertical grid lines for values 0 .. 1 along X0 .. X0 + W, labelled above Y0, down to Y1. */
static void x_grid(int *rc, rt_buf *b, double x0, double w, double y0, double y1)
{
    for (int t = 0; t <= 4; t++) {
        double x = x0 + w * t / 4;
        line(rc, b, x, y0, x, y1, "#ddd");
        text_open(rc, b, x, y0 - 4, "middle");
        rt_buf_printf(rc, b, "%.2f</text>", t / 4.0);
    }
}

/* A row label at the left of a bar chart, cut short, with the full label as tooltip. */
static void row_label(int *rc, rt_buf *b, const char *label, double x, double y)
{
    text_open(rc, b, x, y, "end");
    esc_short(rc, b, label);
    rt_buf_puts(rc, b, "</text>");
}

/* ------------------------------------------------------------ plots */

#define LEFT 200.0   /* room for row labels */
#define ROW 18.0     /* bar chart row height */

static void plot_f1(int *rc, rt_buf *b, const rt_metrics *m, size_t nl)
{
    double bw = 300, top = 24, h = top + ROW * (double)nl + 10;
    svg_open(rc, b, "F1 per label", LEFT + bw + 60, h);
    x_grid(rc, b, LEFT, bw, top - 6, h - 8);
    for (size_t i = 0; i < nl; i++) {
        rt_label_metrics l;
        rt_metrics_get_label(m, i, &l);
        double y = top + ROW * (double)i, w = bw * l.prf.f1;
        rt_buf_puts(rc, b, "<g><title>");
        esc(rc, b, l.label);
        rt_buf_printf(rc, b, ": F1 %.4f, support %zu</title>", l.prf.f1, l.support);
        row_label(rc, b, l.label, LEFT - 6, y + 12);
        rect(rc, b, LEFT, y + 2, w, ROW - 4, BLUE);
        text_open(rc, b, LEFT + w + 4, y + 12, "start");
        rt_buf_printf(rc, b, "%.4f</text></g>", l.prf.f1);
    }
    svg_close(rc, b, NULL);
}

static void heat_cell(int *rc, rt_buf *b, const rt_metrics *m, size_t g, size_t p, double x,
                      double y, double cell, size_t rowsum)
{
    size_t c = rt_metrics_confusion(m, g, p);
    double frac = rowsum ? (double)c / (double)rowsum : 0;
    rt_label_metrics lg, lp;
    rt_metrics_get_label(m, g, &lg);
    rt_metrics_get_label(m, p, &lp);
    rt_buf_printf(rc, b, "<g><title>gold ");
    esc(rc, b, lg.label);
    rt_buf_puts(rc, b, ", predicted ");
    esc(rc, b, lp.label);
    rt_buf_printf(rc, b, ": %zu</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                  "fill=\"" BLUE "\" fill-opacity=\"%.3f\" stroke=\"#eee\"/>", c, x, y, cell,
                  cell, frac);
    char num[32];
    int digits = snprintf(num, sizeof num, "%zu", c);
    double font = fmin(11, (cell - 4) / (0.62 * digits));   /* the count fits its cell */
    if (c && font >= 7)
        rt_buf_printf(rc, b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                      "font-size=\"%.1f\" fill=\"%s\">%s</text>", x + cell / 2,
                      y + cell / 2 + font * 0.35, font, frac > 0.5 ? "#fff" : "#000", num);
    rt_buf_puts(rc, b, "</g>");
}

static void plot_confusion(int *rc, rt_buf *b, const rt_metrics *m, size_t nl)
{
    /* Cells of at least 14 px keep row labels apart; below 22 px the column
       numbers stand on end so that two- and three-digit numbers do not touch. */
    double cell = nl ? fmin(30, fmax(14, 480.0 / (double)nl)) : 30;
    int upright = cell < 22 && nl >= 10;
    double top = upright ? 36 : 30, side = cell * (double)nl;
    svg_open(rc, b, "Confusion matrix", LEFT + side + 10, top + side + 10);
    for (size_t p = 0; p < nl; p++) {
        double x = LEFT + cell * ((double)p + 0.5);
        if (upright)
            rt_buf_printf(rc, b, "<text transform=\"translate(%.1f,%.1f) rotate(-90)\" "
                          "text-anchor=\"start\">%zu</text>", x + 4, top - 4, p + 1);
        else {
            text_open(rc, b, x, top - 6, "middle");
            rt_buf_printf(rc, b, "%zu</text>", p + 1);
        }
    }
    for (size_t g = 0; g < nl; g++) {
        rt_label_metrics l;
        rt_metrics_get_label(m, g, &l);
        double y = top + cell * (double)g;
        text_open(rc, b, LEFT - 6, y + cell / 2 + 4, "end");
        rt_buf_printf(rc, b, "%zu: ", g + 1);
        esc_short(rc, b, l.label);
        rt_buf_puts(rc, b, "</text>");
        for (size_t p = 0; p < nl; p++)
            heat_cell(rc, b, m, g, p, LEFT + cell * (double)p, y, cell, l.support);
    }
    svg_close(rc, b, "Rows: gold label; columns: predicted label, numbered as the rows. Cell "
              "colour: share of the row's records; hover a cell for its label pair and count (counts "
              "too long for a small cell are shown only there).");
}

/* Records axis of a bar chart: grid lines at round counts up to MOST, UNIT px each. */
static void count_axis(int *rc, rt_buf *b, size_t most, double unit, double y0, double y1)
{
    static const size_t M[] = { 1, 2, 5 };
    size_t step = 1;
    for (size_t mag = 1, k = 0; most / (step = M[k] * mag) > 5; k = (k + 1) % 3)
        if (k == 2)
            mag *= 10;   /* steps 1, 2, 5, 10, 20, 50, ... */
    for (size_t v = 0; v <= most; v += step) {
        double x = LEFT + unit * (double)v;
        line(rc, b, x, y0, x, y1, "#ddd");
        text_open(rc, b, x, y0 - 4, "middle");
        rt_buf_printf(rc, b, "%zu</text>", v);
    }
}

/* Multi-label facets have no confusion matrix: right, missed and wrong labels per label. */
static void plot_errors(int *rc, rt_buf *b, const rt_metrics *m, size_t nl)
{
    size_t most = 1;
    for (size_t i = 0; i < nl; i++) {
        rt_label_metrics l;
        rt_metrics_get_label(m, i, &l);
        most = l.tp + l.fn + l.fp > most ? l.tp + l.fn + l.fp : most;
    }
    double bw = 300, top = 44, unit = bw / (double)most, h = top + ROW * (double)nl + 10;
    svg_open(rc, b, "Errors per label", LEFT + bw + 30, h);
    count_axis(rc, b, most, unit, top - 6, h - 8);
    for (size_t i = 0; i < nl; i++) {
        rt_label_metrics l;
        rt_metrics_get_label(m, i, &l);
        double y = top + ROW * (double)i, x = LEFT;
        rt_buf_puts(rc, b, "<g><title>");
        esc(rc, b, l.label);
        rt_buf_printf(rc, b, ": %zu right, %zu missed, %zu wrongly assigned</title>", l.tp, l.fn,
                      l.fp);
        row_label(rc, b, l.label, LEFT - 6, y + 12);
        const size_t v[] = { l.tp, l.fn, l.fp };
        const char *col[] = { GREEN, ORANGE, RED };
        for (size_t k = 0; k < 3; k++) {
            rect(rc, b, x, y + 2, unit * (double)v[k], ROW - 4, col[k]);
            x += unit * (double)v[k];
        }
        rt_buf_puts(rc, b, "</g>");
    }
    legend(rc, b, LEFT, GREEN, "right");
    legend(rc, b, LEFT + 70, ORANGE, "missed");
    legend(rc, b, LEFT + 140, RED, "wrongly assigned");
    svg_close(rc, b, "Records per label: right (true positives), missed (false negatives) and "
              "wrongly assigned (false positives).");
}

static size_t total(const size_t *v)
{
    size_t t = 0;
    for (size_t i = 0; i < RT_METRICS_BINS; i++)
        t += v[i];
    return t;
}

static double share(size_t c, size_t t)
{
    return t ? (double)c / (double)t : 0;
}

/* The share axis of the score plot: square-root scale, ticks at round percentages <= MOST. */
static void share_axis(int *rc, rt_buf *b, double left, double top, double ph, double pw,
                       double most)
{
    static const double T[] = { 0.01, 0.05, 0.1, 0.25, 0.5, 1.0 };
    for (size_t i = 0; i < sizeof T / sizeof T[0] && T[i] <= most; i++) {
        double y = top + ph - ph * sqrt(T[i] / most);
        line(rc, b, left - 3, y, left + pw, y, "#eee");
        text_open(rc, b, left - 6, y + 4, "end");
        rt_buf_printf(rc, b, "%g%%</text>", T[i] * 100);
    }
    line(rc, b, left, top, left, top + ph, "#999");
}

static void plot_scores(int *rc, rt_buf *b, const rt_metrics *m)
{
    size_t pos[RT_METRICS_BINS], neg[RT_METRICS_BINS];
    rt_metrics_get_scores(m, pos, neg);
    size_t tp = total(pos), tn = total(neg);
    if (tp + tn == 0)
        return;
    double left = 56, pw = 400, top = 30, ph = 160, bin = pw / RT_METRICS_BINS, most = 0;
    for (size_t i = 0; i < RT_METRICS_BINS; i++)
        most = fmax(most, fmax(share(pos[i], tp), share(neg[i], tn)));
    svg_open(rc, b, "Score distributions", left + pw + 20, top + ph + 40);
    share_axis(rc, b, left, top, ph, pw, most);
    for (size_t i = 0; i < RT_METRICS_BINS; i++) {
        double x = left + bin * (double)i, hp = ph * sqrt(share(pos[i], tp) / most);
        double hn = ph * sqrt(share(neg[i], tn) / most);
        rt_buf_printf(rc, b, "<g><title>scores %.2f-%.2f: %zu gold, %zu other</title>",
                      (double)i / RT_METRICS_BINS, (double)(i + 1) / RT_METRICS_BINS, pos[i],
                      neg[i]);
        rect(rc, b, x + 1, top + ph - hp, bin / 2 - 1, hp, GREEN);
        rect(rc, b, x + bin / 2, top + ph - hn, bin / 2 - 1, hn, RED);
        rt_buf_puts(rc, b, "</g>");
    }
    for (int t = 0; t <= 4; t++) {
        text_open(rc, b, left + pw * t / 4, top + ph + 14, "middle");
        rt_buf_printf(rc, b, "%.2f</text>", t / 4.0);
    }
    line(rc, b, left, top + ph, left + pw, top + ph, "#999");
    text_open(rc, b, left + pw / 2, top + ph + 32, "middle");
    rt_buf_puts(rc, b, "score</text>");
    char lg[64];
    snprintf(lg, sizeof lg, "gold labels (%zu)", tp);
    legend(rc, b, left, GREEN, lg);
    snprintf(lg, sizeof lg, "other labels (%zu)", tn);
    legend(rc, b, left + 160, RED, lg);
    svg_close(rc, b, "Scores the model gave each record's gold labels and its other labels, as a "
              "share of each group (square-root scale, so that the few scores in the middle, "
              "where the mistakes are, stay visible): a model that separates them well has "
              "green on the right and red on the left.");
}

/* Plot coordinates of a learning curve. */
typedef struct frame {
    double left, top, w, h;
} frame;

/* A curve figure: the mean and sd of micro F1 (WHICH 0) or macro F1 (1). */
static double curve_get(const rt_metrics_summary *s, int which)
{
    return which ? s->macro.f1 : s->micro.f1;
}

/* One curve (mean) with a band of one standard deviation. */
static void curve_line(int *rc, rt_buf *b, const rt_report_facet *f, int which,
                       const char *colour, const frame *fr)
{
    rt_buf_printf(rc, b, "<polygon fill=\"%s\" fill-opacity=\"0.15\" points=\"", colour);
    for (size_t i = 0; i < f->ncurve; i++) {
        double hi = curve_get(&f->curve[i].mean, which) + curve_get(&f->curve[i].sd, which);
        rt_buf_printf(rc, b, "%.1f,%.1f ", fr->left + fr->w * f->curve[i].share,
                      fr->top + fr->h * (1 - fmin(1, hi)));
    }
    for (size_t i = f->ncurve; i-- > 0;) {
        double lo = curve_get(&f->curve[i].mean, which) - curve_get(&f->curve[i].sd, which);
        rt_buf_printf(rc, b, "%.1f,%.1f ", fr->left + fr->w * f->curve[i].share,
                      fr->top + fr->h * (1 - fmax(0, lo)));
    }
    rt_buf_printf(rc, b, "\"/><polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                  "points=\"", colour);
    for (size_t i = 0; i < f->ncurve; i++)
        rt_buf_printf(rc, b, "%.1f,%.1f ", fr->left + fr->w * f->curve[i].share,
                      fr->top + fr->h * (1 - curve_get(&f->curve[i].mean, which)));
    rt_buf_puts(rc, b, "\"/>");
    for (size_t i = 0; i < f->ncurve; i++) {
        double mu = curve_get(&f->curve[i].mean, which), sd = curve_get(&f->curve[i].sd, which);
        rt_buf_printf(rc, b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%.0f%%: "
                      "%.4f ± %.4f</title></circle>", fr->left + fr->w * f->curve[i].share,
                      fr->top + fr->h * (1 - mu), colour, f->curve[i].share * 100, mu, sd);
    }
}

static void plot_curve(int *rc, rt_buf *b, const rt_report_facet *f)
{
    frame fr = { 40, 24, 400, 200 };
    svg_open(rc, b, "Learning curve", fr.left + fr.w + 30, fr.top + fr.h + 44);
    for (int t = 0; t <= 4; t++) {
        double y = fr.top + fr.h * (1 - t / 4.0);
        line(rc, b, fr.left, y, fr.left + fr.w, y, "#ddd");
        text_open(rc, b, fr.left - 4, y + 4, "end");
        rt_buf_printf(rc, b, "%.2f</text>", t / 4.0);
    }
    for (int t = 0; t <= 10; t += 2) {
        text_open(rc, b, fr.left + fr.w * t / 10, fr.top + fr.h + 14, "middle");
        rt_buf_printf(rc, b, "%d%%</text>", t * 10);
    }
    curve_line(rc, b, f, 0, BLUE, &fr);
    curve_line(rc, b, f, 1, ORANGE, &fr);
    legend(rc, b, fr.left, BLUE, "micro F1");
    legend(rc, b, fr.left + 90, ORANGE, "macro F1");
    text_open(rc, b, fr.left + fr.w / 2, fr.top + fr.h + 34, "middle");
    rt_buf_puts(rc, b, "share of the training folds' labelled records</text>");
    svg_close(rc, b, "Held-out F1 (mean over the folds, band: one standard deviation) as more of "
              "the labelled records are used for training.");
}

/* ------------------------------------------------------------ tables */

static void row_prf(int *rc, rt_buf *b, const char *name, const rt_prf *p)
{
    rt_buf_printf(rc, b, "<tr><td>%s</td><td>%.4f</td><td>%.4f</td><td>%.4f</td></tr>", name,
                  p->precision, p->recall, p->f1);
}

static void table_summary(int *rc, rt_buf *b, const rt_metrics_summary *s)
{
    rt_buf_puts(rc, b, "<table><tr><th>average</th><th>precision</th><th>recall</th><th>F1</th>"
                "</tr>");
    row_prf(rc, b, "micro", &s->micro);
    row_prf(rc, b, "macro", &s->macro);
    row_prf(rc, b, "weighted", &s->weighted);
    rt_buf_puts(rc, b, "</table><table>");
    if (s->multi_label)
        rt_buf_printf(rc, b, "<tr><td>subset accuracy</td><td>%.4f</td></tr><tr><td>Hamming loss"
                      "</td><td>%.4f</td></tr>", s->subset_accuracy, s->hamming_loss);
    else
        rt_buf_printf(rc, b, "<tr><td>accuracy</td><td>%.4f</td></tr>", s->accuracy);
    rt_buf_puts(rc, b, "</table>\n");
}

static void table_labels(int *rc, rt_buf *b, const rt_metrics *m, size_t nl)
{
    rt_buf_puts(rc, b, "<table><tr><th>#</th><th class=\"l\">label</th><th>precision</th>"
                "<th>recall</th><th>F1</th><th>support</th><th>right</th><th>missed</th>"
                "<th>wrongly assigned</th></tr>");
    for (size_t i = 0; i < nl; i++) {
        rt_label_metrics l;
        rt_metrics_get_label(m, i, &l);
        rt_buf_printf(rc, b, "<tr><td>%zu</td><td class=\"l\">", i + 1);
        esc(rc, b, l.label);
        rt_buf_printf(rc, b, "</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%zu</td><td>%zu</td>"
                      "<td>%zu</td><td>%zu</td></tr>", l.prf.precision, l.prf.recall, l.prf.f1,
                      l.support, l.tp, l.fn, l.fp);
    }
    rt_buf_puts(rc, b, "</table>\n");
}

static void table_folds(int *rc, rt_buf *b, const rt_report_facet *f)
{
    rt_metrics_summary mean, sd;
    rt_metrics_mean_sd(f->folds, f->nfolds, &mean, &sd);
    const char *acc = mean.multi_label ? "subset accuracy" : "accuracy";
    rt_buf_printf(rc, b, "<h3>Across the %zu folds</h3><table><tr><th>fold</th><th>records</th>"
                  "<th>%s</th><th>micro F1</th><th>macro F1</th><th>weighted F1</th>%s</tr>",
                  f->nfolds, acc, mean.multi_label ? "<th>Hamming loss</th>" : "");
    for (size_t i = 0; i <= f->nfolds + 1; i++) {
        const rt_metrics_summary *s = i < f->nfolds ? &f->folds[i] : i == f->nfolds ? &mean : &sd;
        if (i < f->nfolds)
            rt_buf_printf(rc, b, "<tr><td>%zu</td><td>%zu</td>", i + 1, s->n);
        else
            rt_buf_printf(rc, b, "<tr><th>%s</th><td></td>", i == f->nfolds ? "mean" : "sd");
        rt_buf_printf(rc, b, "<td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td>", s->accuracy,
                      s->micro.f1, s->macro.f1, s->weighted.f1);
        if (mean.multi_label)
            rt_buf_printf(rc, b, "<td>%.4f</td>", s->hamming_loss);
        rt_buf_puts(rc, b, "</tr>");
    }
    rt_buf_puts(rc, b, "</table>\n");
}

static void table_curve(int *rc, rt_buf *b, const rt_report_facet *f)
{
    rt_buf_printf(rc, b, "<h3>Learning curve</h3><table><tr><th>share</th><th>training records"
                  "</th><th>micro F1</th><th>macro F1</th><th>%s</th></tr>",
                  f->curve[0].mean.multi_label ? "subset accuracy" : "accuracy");
    for (size_t i = 0; i < f->ncurve; i++) {
        const rt_curve_point *c = &f->curve[i];
        rt_buf_printf(rc, b, "<tr><td>%.0f%%</td><td>%.1f</td><td>%.4f ± %.4f</td><td>%.4f ± "
                      "%.4f</td><td>%.4f ± %.4f</td></tr>", c->share * 100, c->ntrain,
                      c->mean.micro.f1, c->sd.micro.f1, c->mean.macro.f1, c->sd.macro.f1,
                      c->mean.accuracy, c->sd.accuracy);
    }
    rt_buf_puts(rc, b, "</table>\n");
}

/* ------------------------------------------------------------ page */

static void facet_section(int *rc, rt_buf *b, const rt_report *r, const rt_report_facet *f)
{
    rt_metrics_summary s;
    rt_metrics_get(f->m, &s);
    rt_buf_puts(rc, b, "<section><h2 id=\"facet-");
    esc(rc, b, rt_metrics_facet(f->m));
    rt_buf_puts(rc, b, "\">");
    esc(rc, b, rt_metrics_facet(f->m));
    rt_buf_printf(rc, b, "</h2><p class=\"meta\">%zu records, %zu labels, %s", s.n, s.nlabels,
                  s.multi_label ? "multi-label" : "single-label");
    if (f->algo)
        rt_buf_printf(rc, b, ", algorithm %s", f->algo);
    if (r->k)
        rt_buf_printf(rc, b, "; figures over every fold's held-out records");
    rt_buf_puts(rc, b, "</p>\n");
    table_summary(rc, b, &s);
    rt_buf_puts(rc, b, "<div class=\"plots\">");
    plot_f1(rc, b, f->m, s.nlabels);
    if (s.multi_label)
        plot_errors(rc, b, f->m, s.nlabels);
    else
        plot_confusion(rc, b, f->m, s.nlabels);
    plot_scores(rc, b, f->m);
    if (f->curve && f->ncurve)
        plot_curve(rc, b, f);
    rt_buf_puts(rc, b, "</div>\n");
    table_labels(rc, b, f->m, s.nlabels);
    if (f->folds && f->nfolds)
        table_folds(rc, b, f);
    if (f->curve && f->ncurve)
        table_curve(rc, b, f);
    rt_buf_puts(rc, b, "</section>\n");
}

static void page(int *rc, rt_buf *b, const rt_report *r)
{
    rt_buf_printf(rc, b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<title>revtag accuracy report</title><style>%s</style></head><body>\n"
                  "<h1>revtag accuracy report</h1><p class=\"meta\">", CSS);
    if (r->model) {
        rt_buf_puts(rc, b, "Model ");
        esc(rc, b, r->model);
        rt_buf_puts(rc, b, " scored on held-out records");
    } else {
        rt_buf_printf(rc, b, "Stratified %u-fold cross-validation, seed %llu", r->k,
                      (unsigned long long)r->seed);
    }
    rt_buf_puts(rc, b, "; input ");
    for (size_t i = 0; i < r->nfiles; i++) {
        rt_buf_puts(rc, b, i ? ", " : "");
        esc(rc, b, r->files[i]);
    }
    rt_buf_printf(rc, b, "; revtag %s.</p>\n<p class=\"note\">Precision, recall and F1 are 0 when "
                  "their denominator is 0. Macro: mean over labels; weighted: by support; micro: "
                  "from the summed counts.</p>\n", rt_version());
    for (size_t i = 0; i < r->nfacets; i++)
        facet_section(rc, b, r, &r->facets[i]);
    rt_buf_puts(rc, b, "</body></html>\n");
}

int rt_report_save_html(const rt_report *r, const char *path, rt_err *err)
{
    int rc = RT_OK;
    rt_buf b = { 0 };
    page(&rc, &b, r);
    if (rc != RT_OK) {
        rt_buf_free(&b);
        return rt_err_set(err, rc, "%s: out of memory", path);
    }
    rt_atomic *a;
    rc = rt_atomic_new(path, &a, err);
    if (rc == RT_OK) {
        fwrite(b.data, 1, b.len, rt_atomic_fp(a));
        rc = rt_atomic_commit(a, err);
        rt_atomic_free(a);
    }
    rt_buf_free(&b);
    return rc;
}
