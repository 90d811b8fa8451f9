package org.tongban.workflow.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;
import org.tongban.workflow.InvalidProcessModelException;
import org.tongban.workflow.ProcessModels;

/** The manager's process models: the deployed models, and the upload of a BPMN 2.0 file. */
@Controller
class ProcessModelController {

    private final ProcessModels models;

    ProcessModelController(ProcessModels models) {
        this.models = models;
    }

    @GetMapping("/console/processes")
    @PreAuthorize("hasAuthority('workflow:models-write')")
    String list(Model model) {
        model.addAttribute("models", models.models());
        model.addAttribute("maxKb", ProcessModels.MAX_BYTES / 1024);
        return "workflow/processes";
    }

    @PostMapping("/console/processes")
    @PreAuthorize("hasAuthority('workflow:models-write')")
    @FormPage("uploadRefused")
    String upload(
            @RequestParam("file") MultipartFile file,
            @CurrentAccount UUID me,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response)
            throws IOException {
        var fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        var deployed = models.deploy(fileName, file.getBytes(), me);
        redirect.addFlashAttribute("deployedKey", deployed.key());
        redirect.addFlashAttribute("deployedVersion", deployed.version());
        return "redirect:/console/processes";
    }

    /** The page again, with every reason; a redirect would have to carry them through the session. */
    private String uploadRefused(InvalidProcessModelException e, Model model) {
        model.addAttribute("refusedFile", e.fileName());
        model.addAttribute(
                "problems", e.problems().stream().map(ProblemText::of).toList());
        return list(model);
    }
}
