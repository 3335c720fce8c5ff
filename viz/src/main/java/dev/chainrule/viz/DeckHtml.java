package dev.chainrule.viz;

import java.util.List;

/** The single self-contained HTML page of a slide deck: inline SVG, CSS and script, nothing fetched. */
final class DeckHtml {

    private DeckHtml() {
    }

    static String page(String title, List<Slide> slides, List<String> svgs, Theme theme) {
        StringBuilder s = new StringBuilder(64 * 1024);
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(text(title)).append("</title>\n<style>\n")
                .append("html,body{margin:0;background:").append(theme.background).append(";color:").append(theme.text)
                .append(";font-family:Helvetica,Arial,'Liberation Sans',sans-serif}\n")
                .append("header{display:flex;align-items:center;justify-content:space-between;gap:1em;")
                .append("padding:.6em 1.2em;border-bottom:1px solid ").append(theme.unknownText).append("}\n")
                .append("h1{font-size:1.2em;margin:0}\n")
                .append(".controls{display:flex;align-items:center;gap:.5em}\n")
                .append("button{font:inherit;font-size:1em;padding:.3em .9em;border-radius:.4em;cursor:pointer;")
                .append("border:1px solid ").append(theme.border).append(";background:").append(theme.intermediateFill)
                .append(";color:").append(theme.text).append("}\n")
                .append("button:disabled{opacity:.4;cursor:default}\n")
                .append("#counter{min-width:5em;text-align:center;font-variant-numeric:tabular-nums}\n")
                .append("main{padding:1em 1.5em}\n")
                .append(".slide h2{font-size:1.5em;margin:.2em 0 .4em}\n")
                .append(".explain{font-size:1.35em;line-height:1.5;min-height:4.5em}\n")
                .append(".explain p{margin:0}\n")
                .append(".graph svg{width:100%;height:auto;max-height:72vh}\n")
                .append("footer{padding:.5em 1.5em;font-size:.9em;color:").append(theme.unknownText).append("}\n")
                .append("</style>\n</head>\n<body>\n<header><h1>").append(text(title)).append("</h1>\n")
                .append("<div class=\"controls\"><button id=\"first\" title=\"First (Home)\">&#xAB; First</button>")
                .append("<button id=\"prev\" title=\"Previous (&#x2190;)\">&#x25C0; Prev</button>")
                .append("<span id=\"counter\">1 / ").append(slides.size()).append("</span>")
                .append("<button id=\"next\" title=\"Next (&#x2192;)\">Next &#x25B6;</button>")
                .append("<button id=\"last\" title=\"Last (End)\">Last &#xBB;</button></div></header>\n<main>\n");
        for (int i = 0; i < slides.size(); i++) {
            Slide slide = slides.get(i);
            s.append("<section class=\"slide\" id=\"slide-").append(i + 1).append('"')
                    .append(i == 0 ? "" : " hidden").append(">\n<h2>").append(text(slide.title())).append("</h2>\n")
                    .append("<div class=\"explain\">");
            for (String line : slide.explanation()) {
                s.append("<p>").append(text(line)).append("</p>");
            }
            for (String line : slide.localDerivatives()) {
                s.append("<p>").append(text(line)).append("</p>");
            }
            s.append("</div>\n<div class=\"graph\">").append(inline(svgs.get(i))).append("</div>\n</section>\n");
        }
        s.append("</main>\n<footer>&#x2190; &#x2192; or space to step, Home and End to jump</footer>\n<script>\n")
                .append("(function(){\n")
                .append("var slides=Array.prototype.slice.call(document.querySelectorAll('.slide'));\n")
                .append("var counter=document.getElementById('counter');var i=0;\n")
                .append("function byId(x){return document.getElementById(x);}\n")
                .append("function show(k){i=Math.max(0,Math.min(slides.length-1,k));\n")
                .append(" slides.forEach(function(s,j){s.hidden=(j!==i);});\n")
                .append(" counter.textContent=(i+1)+' / '+slides.length;\n")
                .append(" byId('prev').disabled=byId('first').disabled=(i===0);\n")
                .append(" byId('next').disabled=byId('last').disabled=(i===slides.length-1);}\n")
                .append("byId('first').onclick=function(){show(0);};byId('prev').onclick=function(){show(i-1);};\n")
                .append("byId('next').onclick=function(){show(i+1);};byId('last').onclick=function(){show(slides.length-1);};\n")
                .append("document.addEventListener('keydown',function(e){var k=e.key;\n")
                .append(" if(k==='ArrowRight'||k===' '||k==='PageDown'){show(i+1);}\n")
                .append(" else if(k==='ArrowLeft'||k==='PageUp'||k==='Backspace'){show(i-1);}\n")
                .append(" else if(k==='Home'){show(0);}else if(k==='End'){show(slides.length-1);}else{return;}\n")
                .append(" e.preventDefault();});\n")
                .append("show(0);\n})();\n</script>\n</body>\n</html>\n");
        return s.toString();
    }

    /** Text for HTML element content. */
    static String text(String t) {
        String shown = DotText.shown(t);
        StringBuilder s = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\n' -> s.append("<br>");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** The SVG element alone, without the XML prolog, DOCTYPE and comments Graphviz puts before it. */
    private static String inline(String svg) {
        int start = svg.indexOf("<svg");
        return start < 0 ? svg : svg.substring(start).trim();
    }
}
