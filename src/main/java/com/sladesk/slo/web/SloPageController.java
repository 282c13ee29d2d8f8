package com.sladesk.slo.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sladesk.slo.SloDefinition;
import com.sladesk.slo.SloService;
import com.sladesk.slo.SloStatus;
import com.sladesk.slo.SloView;
import com.sladesk.system.FieldRuleException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SLO pages: staff see every SLO with its figures, its charts (SLI and budget consumed, gaps
 * marked) and its versions; SREs and ADMIN create, change, retire and import them.
 */
@Controller
class SloPageController {

    static final String LIST = "slo/list";
    static final String DETAIL = "slo/detail";

    private final SloService slos;

    SloPageController(SloService slos) {
        this.slos = slos;
    }

    /** The form's fields, as typed. {@code kind}: good, bad or threshold. */
    record SloForm(String name, String displayName, String description, String service, String components, String kind,
            String events, String total, String histogram, String thresholdSeconds, String target, String window,
            Boolean gatesChanges) {

        static SloForm empty() {
            return new SloForm("", "", "", "", "", "good", "", "", "", "", "99.9", "30d", false);
        }

        static SloForm of(SloView slo) {
            SloDefinition.Indicator i = slo.indicator();
            String kind = i.histogram() != null ? "threshold" : i.good() != null ? "good" : "bad";
            return new SloForm(slo.name(), blank(slo.displayName()), blank(slo.description()), slo.service(),
                    String.join(", ", slo.components()), kind, i.good() != null ? i.good() : blank(i.bad()),
                    blank(i.total()), blank(i.histogram()), i.thresholdSeconds() == null ? "" : i.thresholdSeconds().toString(),
                    slo.target().toPlainString(), slo.window(), slo.gatesChanges());
        }

        SloDefinition definition() {
            SloDefinition.Indicator indicator = switch (kind == null ? "good" : kind) {
                case "threshold" -> new SloDefinition.Indicator(null, null, null, nullIfBlank(histogram),
                        number("indicator.thresholdSeconds", thresholdSeconds) == null ? null
                                : number("indicator.thresholdSeconds", thresholdSeconds).doubleValue());
                case "bad" -> new SloDefinition.Indicator(null, orEmpty(events), nullIfBlank(total), null, null);
                default -> new SloDefinition.Indicator(orEmpty(events), null, nullIfBlank(total), null, null);
            };
            List<String> codes = components == null || components.isBlank() ? List.of()
                    : Arrays.stream(components.split("[,\\s]+")).filter(c -> !c.isBlank()).toList();
            return new SloDefinition(name == null ? null : name.trim(), displayName, description,
                    service == null ? null : service.trim(), codes, indicator, number("target", target),
                    window == null ? null : window.trim(), Boolean.TRUE.equals(gatesChanges));
        }

        private static BigDecimal number(String field, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(text.trim());
            }
            catch (NumberFormatException e) {
                throw new com.sladesk.system.InvalidInputException(field, "format", "a number");
            }
        }

        private static String nullIfBlank(String text) {
            return text == null || text.isBlank() ? null : text;
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }

        private static String blank(String text) {
            return text == null ? "" : text;
        }
    }

    @GetMapping("/slos")
    String list(Model model) {
        return list(model, SloForm.empty(), null, null);
    }

    @PostMapping("/slos")
    String create(@ModelAttribute SloForm form, Authentication user, Model model, RedirectAttributes redirect) {
        try {
            SloView created = slos.create(form.definition(), user.getName());
            redirect.addFlashAttribute("message", "SLO " + created.name() + " created (" + created.state().toLowerCase()
                    + (created.problem() == null ? "" : ": " + created.problem()) + ").");
            return "redirect:/slos/" + created.id();
        }
        catch (FieldRuleException e) {
            return list(model, form, e, null);
        }
    }

    @PostMapping("/slos/import")
    String importOpenSlo(@RequestParam(defaultValue = "") String document, Authentication user, Model model,
            RedirectAttributes redirect) {
        try {
            List<SloView> saved = slos.importOpenSlo(document, user.getName());
            redirect.addFlashAttribute("message", "Imported " + saved.stream().map(SloView::name).toList() + ".");
            return "redirect:/slos";
        }
        catch (FieldRuleException e) {
            return list(model, SloForm.empty(), null, e);
        }
    }

    @GetMapping("/slos/{id}")
    String detail(@PathVariable long id, Model model) {
        SloView slo = slos.find(id);
        return detail(model, slo, SloForm.of(slo), null);
    }

    @PostMapping("/slos/{id}")
    String change(@PathVariable long id, @ModelAttribute SloForm form, Authentication user, Model model,
            RedirectAttributes redirect) {
        SloView slo = slos.find(id);
        try {
            SloView changed = slos.change(id, form.definition(), user.getName());
            redirect.addFlashAttribute("message", changed.version() == slo.version() ? "Nothing changed."
                    : "Version " + changed.version() + " saved.");
            return "redirect:/slos/" + id;
        }
        catch (FieldRuleException e) {
            return detail(model, slo, form, e);
        }
    }

    @PostMapping("/slos/{id}/retire")
    String retire(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        SloView retired = slos.retire(id, user.getName());
        redirect.addFlashAttribute("message", "SLO " + retired.name() + " retired.");
        return "redirect:/slos";
    }

    private String list(Model model, SloForm form, FieldRuleException formError, FieldRuleException importError) {
        Map<SloView, SloStatus> rows = new LinkedHashMap<>();
        List<SloStatus> statuses = slos.statuses();
        List<SloView> all = slos.list();
        for (int i = 0; i < all.size(); i++) {
            rows.put(all.get(i), statuses.get(i));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("form", form);
        model.addAttribute("formError", formError);
        model.addAttribute("importError", importError);
        return LIST;
    }

    private String detail(Model model, SloView slo, SloForm form, FieldRuleException formError) {
        model.addAttribute("slo", slo);
        model.addAttribute("figures", slos.status(slo.id()));
        model.addAttribute("chart", slos.chart(slo.id()));
        model.addAttribute("versions", slos.versions(slo.id()));
        model.addAttribute("form", form);
        model.addAttribute("formError", formError);
        return DETAIL;
    }
}
