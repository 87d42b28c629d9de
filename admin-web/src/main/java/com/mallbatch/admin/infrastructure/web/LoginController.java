package com.mallbatch.admin.infrastructure.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (Spring Security handles its POST) and the home page, which is the runs grid. */
@Controller
class LoginController {

    static final String VIEW_LOGIN = "login";

    @GetMapping("/login")
    String login() {
        return VIEW_LOGIN;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/runs";
    }
}
