package com.sladesk.catalogue.web;

import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.catalogue.ComponentDraft;
import com.sladesk.catalogue.ComponentInfo;
import com.sladesk.system.FieldRuleException;
import com.sladesk.system.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administration pages for components and groups (ADMIN). */
@Controller
class ComponentAdminPageController {

    static final String COMPONENTS = "admin/components";
    static final String COMPONENT = "admin/component";

    private final ComponentCatalogue catalogue;

    ComponentAdminPageController(ComponentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    static class ComponentForm {
        private String code;
        private String name;
        private String description;
        private boolean beta;
        private String group;

        static ComponentForm of(ComponentInfo c) {
            ComponentForm form = new ComponentForm();
            form.code = c.code();
            form.name = c.name();
            form.description = c.description();
            form.beta = c.beta();
            form.group = c.group();
            return form;
        }

        ComponentDraft draft() {
            return new ComponentDraft(code, name, description, beta, group);
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public boolean isBeta() { return beta; }
        public void setBeta(boolean beta) { this.beta = beta; }
        public String getGroup() { return group; }
        public void setGroup(String group) { this.group = group; }
    }

    @GetMapping("/admin/components")
    String components(Model model) {
        model.addAttribute("componentForm", new ComponentForm());
        return componentsPage(model);
    }

    private String componentsPage(Model model) {
        model.addAttribute("components", catalogue.all());
        model.addAttribute("groups", catalogue.groups());
        return COMPONENTS;
    }

    @PostMapping("/admin/components")
    String create(@ModelAttribute("componentForm") ComponentForm form, BindingResult result, Authentication user,
            Model model, RedirectAttributes redirect) {
        try {
            ComponentInfo created = catalogue.create(form.draft(), user.getName());
            redirect.addFlashAttribute("message", "Component " + created.name() + " (" + created.code() + ") added.");
            return "redirect:/admin/components";
        }
        catch (FieldRuleException e) {
            result.rejectValue(e.field(), e.rule(), e.getMessage());
            return componentsPage(model);
        }
    }

    @GetMapping("/admin/components/{code}")
    String component(@PathVariable String code, Model model) {
        ComponentInfo component = find(code);
        model.addAttribute("componentForm", ComponentForm.of(component));
        return componentPage(component, model);
    }

    private String componentPage(ComponentInfo component, Model model) {
        model.addAttribute("component", component);
        model.addAttribute("groups", catalogue.groups());
        return COMPONENT;
    }

    @PostMapping("/admin/components/{code}")
    String change(@PathVariable String code, @ModelAttribute("componentForm") ComponentForm form, BindingResult result,
            Authentication user, Model model, RedirectAttributes redirect) {
        ComponentInfo component = find(code);
        form.setCode(code);
        try {
            catalogue.change(code, form.draft(), user.getName());
            redirect.addFlashAttribute("message", "Saved.");
            return "redirect:/admin/components/" + code;
        }
        catch (FieldRuleException e) {
            result.rejectValue(e.field(), e.rule(), e.getMessage());
            return componentPage(component, model);
        }
    }

    @PostMapping("/admin/components/{code}/retire")
    String retire(@PathVariable String code, Authentication user, RedirectAttributes redirect) {
        ComponentInfo retired = catalogue.retire(code, user.getName());
        redirect.addFlashAttribute("message", retired.name() + " is retired: its history stays, it takes no new"
                + " incidents or maintenance.");
        return "redirect:/admin/components/" + code;
    }

    @PostMapping("/admin/component-groups")
    String createGroup(@RequestParam(required = false) String name, Authentication user, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("message", "Group " + catalogue.createGroup(name, user.getName()).name() + " added.");
        }
        catch (FieldRuleException e) {
            redirect.addFlashAttribute("error", "Group " + e.field() + ": " + e.getMessage());
        }
        return "redirect:/admin/components";
    }

    @PostMapping("/admin/component-groups/{id}")
    String renameGroup(@PathVariable long id, @RequestParam(required = false) String name, Authentication user,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("message", "Group renamed to " + catalogue.renameGroup(id, name, user.getName()).name() + ".");
        }
        catch (FieldRuleException e) {
            redirect.addFlashAttribute("error", "Group " + e.field() + ": " + e.getMessage());
        }
        return "redirect:/admin/components";
    }

    private ComponentInfo find(String code) {
        return catalogue.findByCode(code).orElseThrow(() -> new NotFoundException("Component", code));
    }
}
