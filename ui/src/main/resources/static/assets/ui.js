// Behaviour that the pages' markup asks for by attribute; scripts are files of the application, never inline.
document.addEventListener('click', function (event) {
  var print = event.target.closest('[data-print]');
  if (print) {
    event.preventDefault();
    window.print();
  }
});
