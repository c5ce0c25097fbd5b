// Given names common among children in Wales and the UK whose families came from elsewhere
// (Polish, Romanian, Ukrainian, Lithuanian, Vietnamese, Chinese, Somali, Arabic, Turkish, Kurdish,
// Spanish, Portuguese, Punjabi, Urdu, Bengali, Gujarati, Yoruba, Igbo, Akan, Shona, Zulu, Tigrinya,
// Pashto), and a few spellings popular in the UK that the generated lists lack. Written for the
// fourth round from general knowledge, not from any quote set. Any that is an everyday English
// word is dropped where the list is read (identifiers-data.ts).
export const WORLD_GIVEN_NAMES = `
  kuba jakub kacper szymon wiktor wiktoria zuzanna zuzia oliwia maja igor bartosz bartek mateusz
  tomasz tomek marek piotr pawel paweł krzysztof agnieszka magda malgorzata małgorzata kasia
  katarzyna ania agata dominika natalia filip aleksander aleksandra zofia zosia wojtek wojciech
  andrei ionut ionuț mihai bogdan alexandru cristian florin vlad ioana andreea bianca raluca larisa
  denisa sorin catalin cătălin gabriela iulia
  jonas lukas matas gintaras aiste aistė ieva rugile rūta
  nikolai nikolay dmitri dmitry dmytro sasha vova anastasia nastya oksana olena yulia vitalii bohdan
  taras sofiia svitlana artem danylo mykola yaroslav
  thanh minh anh linh huong hương trang tuan tuấn duc đức hieu khanh phuong quang ngoc hoa
  wei jun ming xin hui jing ling hao zhen xiao yan mei
  abdi abdirahman abdullahi hodan hamdi ayaan ayan faduma fadumo hibo ilhan warsame mohamud deqa
  sagal nasra farhiya qamar mahad
  ahmed ahmad hamza bilal zain zayn yusuf yousef omar umar ibrahim khalid tariq fatima aisha
  ayesha maryam mariam noor nour layla leila huda yasmin rania samira amira amir karim hassan
  hussein mustafa mostafa idris yahya zakaria zakariya aaliyah safiya safiyah hafsa khadija
  mehmet emre burak elif zeynep ayse ayşe hevin dilan rojda baran azad kemal berat yusuf
  ximena jimena alejandro santiago mateo valentina camila lucia lucía joão joao thiago rafaela
  beatriz inês ines gonçalo goncalo
  gurpreet harpreet manpreet jaspreet simran navdeep arjun ravi priya anjali aarav vihaan ishaan
  rohan sanjay deepak sunita aditi kavya ananya sana rehan imran farhan nadia asif shahid
  harjit jasleen amrit gurdeep raj rajesh nirmala parveen tahmina rumana sumaiya mahfuz
  oluwaseun seun tunde adaeze chidi chinedu chiamaka emeka ngozi folake funmi yewande tobi
  temitope ayo ayomide kwame kofi ama abena kojo tendai tatenda chipo thabo nomvula zanele
  senait yonas dawit meron selam tesfaye
  zarghona wahid farid
  shantelle shanice shaniqua tyrese tyreek jamal kayden kaiden jaxon jax keanu kenzie
`
  .split(/\s+/)
  .filter(Boolean);
