package com.sladesk.oncall.web;

import com.sladesk.oncall.Escalations;
import com.sladesk.system.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The one-click acknowledge link a page carries: no sign-in. Opening it (GET) only shows the
 * incident and a button, so a mail scanner that follows links acknowledges nothing; the button
 * (POST) acknowledges as the paged person, once. A used link, or one whose incident is resolved,
 * answers 410 Gone; an unknown one 404. It can do nothing else.
 */
@Controller
class AckLinkController {

    private final Escalations escalations;

    AckLinkController(Escalations escalations) {
        this.escalations = escalations;
    }

    @GetMapping("/ack/{id}")
    String show(@PathVariable("id") String token, Model model) {
        Escalations.AckLink link = escalations.link(token);
        model.addAttribute("link", link);
        model.addAttribute("token", token);
        if (!link.usable()) {
            throw new Gone(link.reason());
        }
        return "oncall/ack";
    }

    @PostMapping("/ack/{id}")
    String acknowledge(@PathVariable("id") String token, Model model) {
        try {
            model.addAttribute("incident", escalations.acknowledgeByLink(token));
        }
        catch (ConflictException e) {
            throw new Gone(e.getMessage());
        }
        model.addAttribute("token", token);
        return "oncall/acknowledged";
    }

    @ResponseStatus(HttpStatus.GONE)
    static class Gone extends RuntimeException {
        Gone(String reason) {
            super(reason);
        }
    }
}
