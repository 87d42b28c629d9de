package com.mallbatch.admin.infrastructure.web.charts;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineChartTest {

    static final LocalDate D1 = LocalDate.of(2026, 11, 18);
    static final List<LocalDate> DAYS = List.of(D1, D1.plusDays(1), D1.plusDays(2));
    static final LineChart.Labels LABELS = new LineChart.Labels("Stock match <acme> & co", "%", "No data yet");

    @Test
    void scalesRoundUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(YScale.upTo(7)).isEqualTo(new YScale(0, 8, 2));
        assertThat(YScale.upTo(123)).isEqualTo(new YScale(0, 150, 50));
        assertThat(YScale.upTo(100)).isEqualTo(new YScale(0, 100, 50));
        assertThat(YScale.upTo(0)).isEqualTo(new YScale(0, 1, 0.5));
        assertThat(YScale.upTo(0.3).ticks()).hasSize(4);
        assertThat(YScale.percent().ticks()).containsExactly(0.0, 25.0, 50.0, 75.0, 100.0);
        assertThatThrownBy(() -> new YScale(5, 5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesMapFromTheBottomToTheTopOfThePlotAndOutliersAreClamped() {
        YScale percent = YScale.percent();
        assertThat(LineChart.y(100, percent)).isEqualTo(LineChart.TOP);
        assertThat(LineChart.y(0, percent)).isEqualTo(LineChart.TOP + LineChart.PLOT_HEIGHT);
        assertThat(LineChart.y(50, percent)).isEqualTo(LineChart.TOP + LineChart.PLOT_HEIGHT / 2.0);
        assertThat(LineChart.y(140, percent)).isEqualTo(LineChart.TOP);
        assertThat(LineChart.x(0, 3)).isEqualTo(LineChart.LEFT);
        assertThat(LineChart.x(2, 3)).isEqualTo(LineChart.WIDTH - LineChart.RIGHT);
    }

    @Test
    void aChartIsAnAccessibleImageNamedByItsTitleWithEveryPointsFigure() throws Exception {
        String svg = LineChart.svg(LABELS, DAYS, List.of(new LineChart.Series("acme", List.of(
                new LineChart.Point(D1, 97.5), new LineChart.Point(D1.plusDays(2), 100),
                new LineChart.Point(D1.minusDays(9), 10)))), YScale.percent());

        Element root = parse(svg).getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo("Stock match <acme> & co");
        assertThat(root.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Stock match <acme> & co");
        NodeList dots = root.getElementsByTagName("circle");
        assertThat(dots.getLength()).as("the point off the axis is left out").isEqualTo(2);
        assertThat(dots.item(0).getTextContent()).isEqualTo("acme 2026-11-18: 97.5%");
        assertThat(((Element) root.getElementsByTagName("polyline").item(0)).getAttribute("points"))
                .isEqualTo(LineChart.LEFT + ",16.5 " + (LineChart.WIDTH - LineChart.RIGHT) + ",12");
        assertThat(svg).doesNotContain("No data yet");
    }

    @Test
    void anEmptyChartSaysSoAndDrawsNoLine() throws Exception {
        for (List<LineChart.Series> series : List.of(List.<LineChart.Series>of(),
                List.of(new LineChart.Series("acme", List.of())))) {
            Document doc = parse(LineChart.svg(LABELS, DAYS, series, YScale.upTo(0)));
            assertThat(doc.getElementsByTagName("polyline").getLength()).isZero();
            assertThat(doc.getDocumentElement().getTextContent()).contains("No data yet");
        }
        assertThat(parse(LineChart.svg(LABELS, List.of(), List.of(), YScale.percent())).getDocumentElement()
                .getTextContent()).contains("No data yet");
    }

    @Test
    void aSinglePointIsADotInTheMiddle() throws Exception {
        Document doc = parse(LineChart.svg(LABELS, List.of(D1), List.of(new LineChart.Series("acme",
                List.of(new LineChart.Point(D1, 1_234_567)))), YScale.upTo(1_234_567)));
        Element dot = (Element) doc.getElementsByTagName("circle").item(0);
        assertThat(Double.parseDouble(dot.getAttribute("cx")))
                .isEqualTo(LineChart.LEFT + (LineChart.WIDTH - LineChart.LEFT - LineChart.RIGHT) / 2.0);
        assertThat(dot.getTextContent()).isEqualTo("acme 2026-11-18: 1,234,567%");
        assertThat(Double.parseDouble(dot.getAttribute("cy"))).isBetween((double) LineChart.TOP,
                (double) LineChart.TOP + LineChart.PLOT_HEIGHT);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
